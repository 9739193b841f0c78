package dev.syngen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.syngen.io.jdbc.JdbcUrls;
import java.io.IOException;
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
 * {@code syngen index-gate} against a real PostgreSQL holding the chat pack's {@code ci} band: the
 * shipped indexes are GO with Sort nodes eliminated, a useless index is NO-GO naming why, invalid
 * input is refused before anything is written, and baselines stored on one day compare on another.
 * Every gate here rolls back, so the tests do not depend on their order.
 */
class IndexGateCommandTest {
  static final String PG =
      System.getenv().getOrDefault("SYNGEN_TEST_PG_DSN", "postgres://postgres@127.0.0.1:5432/test");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path tmp;
  private static String schema;

  private static Cli cli() {
    return new Cli(Path.of("scenarios"), tmp.resolve("targets"), tmp.resolve("history"));
  }

  @BeforeAll
  static void generate() throws IOException {
    byte[] b = new byte[4];
    ThreadLocalRandom.current().nextBytes(b);
    schema = "syngen_t_indexgate_" + HexFormat.of().formatHex(b);
    Files.createDirectories(tmp.resolve("targets"));
    Files.writeString(
        tmp.resolve("targets/chat-pg.yaml"),
        "id: chat-pg\nkind: postgres\ndsn: " + PG + "\nschema: " + schema + "\n");
    Cli.Result run =
        cli()
            .run(
                "run",
                "start",
                "--scenario",
                "chat",
                "--band",
                "ci",
                "--target",
                "chat-pg",
                "--quiet");
    assertEquals(0, run.exit(), run.err());
  }

  @AfterAll
  static void drop() throws SQLException {
    sql("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
  }

  private static Cli.Result gate(Path reports, String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "index-gate",
                "--target",
                "chat-pg",
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
  void theShippedIndexesAreGoWithSortNodesEliminatedAndRolledBack() throws Exception {
    Path reports = tmp.resolve("go");
    Cli.Result r = gate(reports, "--pack", "chat");
    assertEquals(0, r.exit(), r.out() + r.err());
    assertTrue(r.out().contains("index gate on chat-pg (postgres): GO"), r.out());
    JsonNode d = JSON.readTree(reports.resolve("decision.json").toFile());
    assertEquals("GO", d.path("verdict").asText());
    assertTrue(d.path("average_improvement_pct").asDouble() > 30, d.toString());
    assertTrue(d.path("sorts_eliminated_pct").asDouble() > 60, d.toString());
    assertEquals(5, d.path("queries").size());
    for (JsonNode q : d.path("queries")) {
      assertTrue(q.path("after").path("rows").asLong() > 0, q.path("name") + " hits no data");
      // on a table this small the planner may still hash a side table; every query uses an index
      assertTrue(q.path("after").path("indexes").size() > 0, q.toString());
    }
    JsonNode before = JSON.readTree(reports.resolve("before.json").toFile());
    assertEquals("syngen-index-gate-baseline/1", before.path("format").asText());
    assertEquals(3, before.path("queries").get(0).path("latencies_ms").size());
    assertTrue(before.path("queries").get(0).path("plan").asText().contains("\"Node Type\""));
    String html = Files.readString(reports.resolve("report.html"));
    assertTrue(html.contains("message_history") && html.contains("<h3>before</h3>"), "report");
    assertTrue(r.out().contains("rolled back: dropped"), r.out());
    assertEquals(0, count("SELECT count(*) FROM pg_indexes WHERE schemaname = '" + schema + "'"));
  }

  @Test
  void aUselessIndexIsNoGoNamingTheReasons() throws Exception {
    Path ddl = tmp.resolve("useless.sql");
    Files.writeString(ddl, "CREATE INDEX CONCURRENTLY users_locale_idx ON users (locale);\n");
    Path reports = tmp.resolve("nogo");
    Cli.Result r = gate(reports, "--pack", "chat", "--ddl", ddl.toString());
    assertEquals(3, r.exit(), r.out() + r.err());
    assertTrue(r.out().contains("NO-GO because:"), r.out());
    assertTrue(r.out().contains("average improvement"), r.out());
    assertTrue(r.out().contains("Sort nodes eliminated 0.0 % (5 before, 5 after)"), r.out());
    JsonNode d = JSON.readTree(reports.resolve("decision.json").toFile());
    assertEquals("NO_GO", d.path("verdict").asText());
    assertEquals(0, count("SELECT count(*) FROM pg_indexes WHERE schemaname = '" + schema + "'"));
  }

  @Test
  void invalidInputIsRefusedWithEveryProblemAndNothingWritten() throws Exception {
    Path ddl = tmp.resolve("bad.sql");
    Files.writeString(ddl, "DROP TABLE messages;\nCREATE INDEX ON messages (sender_id);\n");
    Path queries = tmp.resolve("bad-queries.sql");
    Files.writeString(queries, "-- name: wipe\nDELETE FROM messages\n");
    Path reports = tmp.resolve("invalid");
    Cli.Result r =
        cli()
            .run(
                "index-gate",
                "--target",
                "chat-pg",
                "--pack",
                "chat",
                "--runs",
                "0",
                "--rollback",
                "sometimes",
                "--query-timeout",
                "2 weeks",
                "--report-dir",
                reports.toString());
    assertEquals(2, r.exit(), r.out() + r.err());
    assertTrue(r.err().contains("index gate options is invalid (3 problems)"), r.err());
    assertTrue(r.err().contains("--query-timeout:"), r.err());
    assertTrue(r.err().contains("--rollback: 'sometimes' is not a rollback mode"), r.err());
    assertTrue(r.err().contains("--runs: must be between 1 and 100, got 0"), r.err());
    r = gate(reports, "--queries", queries.toString(), "--ddl", ddl.toString());
    assertEquals(2, r.exit(), r.err());
    assertTrue(
        r.err().contains("--queries.wipe: is not a query (it starts with 'DELETE')"), r.err());
    assertTrue(
        r.err().contains("--ddl line 1: 'DROP …' is not a statement the gate runs"), r.err());
    assertTrue(r.err().contains("--ddl line 2"), r.err());
    assertFalse(Files.exists(reports), "nothing written");
    assertEquals(400_000, count("SELECT count(*) FROM " + schema + ".messages"));

    sql("CREATE INDEX messages_sender_sent_idx ON " + schema + ".messages (sender_id)");
    try {
      r = gate(reports, "--pack", "chat");
      assertEquals(2, r.exit(), r.err());
      assertTrue(
          r.err()
              .contains(
                  "index messages_sender_sent_idx exists already, so the 'before' baseline would use it"),
          r.err());
      assertFalse(Files.exists(reports), "nothing written");
      assertEquals(1, count("SELECT count(*) FROM pg_indexes WHERE schemaname = '" + schema + "'"));
    } finally {
      sql("DROP INDEX " + schema + ".messages_sender_sent_idx");
    }
    r =
        cli()
            .run(
                "index-gate", "--target-kind", "csv", "--target", tmp.toString(), "--pack", "chat");
    assertEquals(2, r.exit());
    assertTrue(r.err().contains("reads plans from postgres or mariadb targets, not csv"), r.err());
    r = gate(reports, "--pack", "../chat");
    assertEquals(2, r.exit());
    assertTrue(r.err().contains("pack '../chat' is not a pack id; use one of: chat"), r.err());
  }

  @Test
  void aStoredBaselineIsComparedLater() throws Exception {
    Path baseline = tmp.resolve("stored/before.json");
    Cli.Result r =
        cli()
            .run(
                "index-gate",
                "--target",
                "chat-pg",
                "--pack",
                "chat",
                "--warmup",
                "1",
                "--runs",
                "3",
                "--capture",
                baseline.toString());
    assertEquals(0, r.exit(), r.err());
    assertTrue(Files.exists(baseline));
    assertEquals(0, count("SELECT count(*) FROM pg_indexes WHERE schemaname = '" + schema + "'"));

    Path later = tmp.resolve("later");
    r =
        gate(
            later,
            "--pack",
            "chat",
            "--before",
            baseline.toString(),
            "--ddl",
            "scenarios/chat/index-gate/postgres/indexes.sql");
    assertEquals(0, r.exit(), r.out() + r.err());
    assertEquals(0, count("SELECT count(*) FROM pg_indexes WHERE schemaname = '" + schema + "'"));

    r =
        cli()
            .run(
                "index-gate",
                "--before",
                baseline.toString(),
                "--after",
                later.resolve("after.json").toString(),
                "--report-dir",
                tmp.resolve("compared").toString(),
                "--format",
                "json");
    assertEquals(0, r.exit(), r.err());
    assertEquals("GO", JSON.readTree(r.out()).path("verdict").asText());
    r =
        cli()
            .run(
                "index-gate",
                "--before",
                later.resolve("after.json").toString(),
                "--after",
                baseline.toString());
    assertEquals(2, r.exit());
    assertTrue(r.err().contains("before: is a 'after' baseline"), r.err());
  }

  private static long count(String query) throws SQLException {
    try (Connection c = JdbcUrls.postgres(PG).connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(query)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static void sql(String statement) throws SQLException {
    try (Connection c = JdbcUrls.postgres(PG).connect();
        Statement s = c.createStatement()) {
      s.execute(statement);
    }
  }
}
