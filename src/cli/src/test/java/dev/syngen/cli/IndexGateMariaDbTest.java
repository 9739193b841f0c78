package dev.syngen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.syngen.io.jdbc.JdbcUrls;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code syngen index-gate} on a real MariaDB ({@code ANALYZE FORMAT=JSON}): the chat pack at a
 * quarter of its {@code ci} band, generated into CSV by the engine and loaded with {@code LOAD
 * DATA}, is GO with the pack's MariaDB indexes and NO-GO with a useless one; PostgreSQL-only DDL is
 * refused.
 */
class IndexGateMariaDbTest {
  static final String SERVER =
      System.getenv().getOrDefault("SYNGEN_TEST_MARIADB", "root@127.0.0.1:3306");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TIME = "STR_TO_DATE(@t, '%Y-%m-%dT%H:%i:%s.%fZ')";

  @TempDir static Path tmp;
  private static String database;

  private static Cli cli() {
    return new Cli(Path.of("scenarios"), Path.of("targets"), tmp.resolve("history"));
  }

  private static String dsn() {
    return "mariadb://" + SERVER + "/" + database;
  }

  @BeforeAll
  static void load() throws SQLException {
    byte[] b = new byte[4];
    ThreadLocalRandom.current().nextBytes(b);
    database = "syngen_t_indexgate_" + HexFormat.of().formatHex(b);
    Path csv = tmp.resolve("csv");
    Cli.Result run =
        cli()
            .run(
                "run",
                "start",
                "--scenario",
                "chat",
                "--band",
                "ci",
                "--scale",
                "0.25",
                "--target-kind",
                "csv",
                "--target",
                csv.toString(),
                "--quiet");
    assertEquals(0, run.exit(), run.err());
    try (Connection c = JdbcUrls.mariadb("mariadb://" + SERVER + "/mysql").connect();
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + database);
    }
    List<String> sql =
        List.of(
            "CREATE TABLE conversation_members (conversation_id BIGINT, user_id BIGINT, joined_at DATETIME(3))",
            "CREATE TABLE messages (message_id BIGINT, conversation_id BIGINT, sender_id BIGINT,"
                + " sent_at DATETIME(3), kind VARCHAR(16), length_chars BIGINT)",
            "CREATE TABLE read_receipts (receipt_id BIGINT, message_id BIGINT, reader_id BIGINT, read_at DATETIME(3))",
            load(
                csv,
                "conversation_members",
                "(conversation_id, user_id, @t) SET joined_at = " + TIME),
            load(
                csv,
                "messages",
                "(message_id, conversation_id, sender_id, @t, kind, @x, length_chars) SET sent_at = "
                    + TIME),
            load(
                csv,
                "read_receipts",
                "(receipt_id, message_id, reader_id, @x, @y, @t) SET read_at = " + TIME));
    try (Connection c = JdbcUrls.mariadb(dsn() + "?allowLocalInfile=true").connect();
        Statement s = c.createStatement()) {
      for (String q : sql) {
        s.execute(q);
      }
    }
  }

  private static String load(Path csv, String table, String columns) {
    return "LOAD DATA LOCAL INFILE '"
        + csv.resolve(table + ".csv")
        + "' INTO TABLE "
        + table
        + " FIELDS TERMINATED BY ',' IGNORE 1 LINES "
        + columns;
  }

  @AfterAll
  static void drop() throws SQLException {
    try (Connection c = JdbcUrls.mariadb("mariadb://" + SERVER + "/mysql").connect();
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + database);
    }
  }

  private static Cli.Result gate(Path reports, String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "index-gate",
                "--target-kind",
                "mariadb",
                "--target",
                dsn(),
                "--pack",
                "chat",
                "--warmup",
                "1",
                "--runs",
                "3",
                "--rollback",
                "always",
                "--report-dir",
                reports.toString()));
    args.addAll(List.of(extra));
    return cli().run(args.toArray(String[]::new));
  }

  @Test
  void theShippedIndexesAreGoWithFilesortsEliminated() throws Exception {
    Path reports = tmp.resolve("go");
    Cli.Result r = gate(reports);
    assertEquals(0, r.exit(), r.out() + r.err());
    JsonNode d = JSON.readTree(reports.resolve("decision.json").toFile());
    assertEquals("MARIADB", d.path("dialect").asText());
    assertTrue(d.path("average_improvement_pct").asDouble() > 30, d.toString());
    assertTrue(d.path("sorts_eliminated_pct").asDouble() > 60, d.toString());
    for (JsonNode q : d.path("queries")) {
      assertTrue(q.path("after").path("rows").asLong() > 0, q.path("name") + " hits no data");
      assertTrue(q.path("after").path("indexes").size() > 0, q.toString());
    }
    JsonNode before = JSON.readTree(reports.resolve("before.json").toFile());
    assertTrue(before.path("queries").get(0).path("plan").asText().contains("\"query_block\""));
    assertEquals(0, indexes());
  }

  @Test
  void aUselessIndexIsNoGoAndConcurrentlyIsRefused() throws Exception {
    Path ddl = tmp.resolve("useless.sql");
    Files.writeString(
        ddl,
        "CREATE INDEX receipts_read_at_idx ON read_receipts (read_at) ALGORITHM=INPLACE LOCK=NONE;");
    Cli.Result r = gate(tmp.resolve("nogo"), "--ddl", ddl.toString());
    assertEquals(3, r.exit(), r.out() + r.err());
    assertTrue(r.out().contains("Sort nodes eliminated 0.0 % (4 before, 4 after)"), r.out());
    assertEquals(0, indexes());

    Files.writeString(ddl, "CREATE INDEX CONCURRENTLY m_idx ON messages (sender_id);");
    r = gate(tmp.resolve("refused"), "--ddl", ddl.toString());
    assertEquals(2, r.exit(), r.err());
    assertTrue(r.err().contains("--ddl line 1: MariaDB has no CREATE INDEX CONCURRENTLY"), r.err());
    assertTrue(r.err().contains("ALGORITHM=INPLACE LOCK=NONE"), r.err());
  }

  private static long indexes() throws SQLException {
    try (Connection c = JdbcUrls.mariadb(dsn()).connect();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT count(*) FROM information_schema.statistics WHERE table_schema = '"
                    + database
                    + "'")) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
