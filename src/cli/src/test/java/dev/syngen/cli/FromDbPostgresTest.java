package dev.syngen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code syngen scenario from-db} against a real PostgreSQL: draft the shop schema, create its
 * empty copy from the drafted DDL, run the draft into it (every key and CHECK enforced by
 * PostgreSQL), and compare the copy with the original's profile.
 */
class FromDbPostgresTest {
  static final String DSN =
      System.getenv().getOrDefault("SYNGEN_TEST_PG_DSN", "postgres://postgres@127.0.0.1:5432/test");
  static final String JDBC = "jdbc:postgresql://127.0.0.1:5432/test";
  static String source;
  static String copy;

  @TempDir Path tmp;

  static Connection connect() throws SQLException {
    Properties p = new Properties();
    p.put("user", "postgres");
    return DriverManager.getConnection(JDBC, p);
  }

  static void execute(String sql) throws SQLException {
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  @BeforeAll
  static void createSource() throws SQLException {
    byte[] b = new byte[3];
    ThreadLocalRandom.current().nextBytes(b);
    source = "fromdb_it_pg_" + HexFormat.of().formatHex(b);
    copy = source + "_copy";
    execute("CREATE SCHEMA " + source);
    try (Connection c = connect()) {
      ShopSchema shop = new ShopSchema("postgres", source);
      shop.create(c);
      shop.populate(c);
      try (Statement s = c.createStatement()) {
        s.execute("ANALYZE");
      }
    }
  }

  @AfterAll
  static void dropSchemas() throws SQLException {
    if (Boolean.getBoolean("fromdb.keep")) {
      return; // kept for a look by hand; drop fromdb_it_pg_* yourself
    }
    execute("DROP SCHEMA IF EXISTS " + source + " CASCADE");
    execute("DROP SCHEMA IF EXISTS " + copy + " CASCADE");
  }

  private Cli cli() throws IOException {
    Path scenarios = Files.createDirectories(tmp.resolve("scenarios"));
    Path targets = Files.createDirectories(tmp.resolve("targets"));
    Files.writeString(
        targets.resolve("shop-copy.yaml"),
        "id: shop-copy\nname: copy\nkind: postgres\ndsn: " + DSN + "\nschema: " + copy + "\n");
    return new Cli(scenarios, targets, tmp.resolve("history"));
  }

  @Test
  void draftsRunsIntoAnEmptyCopyAndTheCopyIsGo() throws Exception {
    Cli cli = cli();
    Path yaml = cli.scenarios.resolve("shop.yaml");
    Path profile = tmp.resolve("original.json");
    Path ddl = tmp.resolve("copy.sql");
    Cli.Result r =
        cli.run(
            "scenario",
            "from-db",
            "--target",
            DSN,
            "--schema",
            source,
            "--id",
            "shop",
            "--out",
            yaml.toString(),
            "--profile-out",
            profile.toString(),
            "--ddl-out",
            ddl.toString(),
            "--copy-schema",
            copy);
    assertEquals(0, r.exit(), r.out() + r.err());
    String draft = Files.readString(yaml);
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      for (String stmt : Files.readString(ddl).split(";\n")) {
        if (!stmt.isBlank()) {
          s.execute(stmt);
        }
      }
    }
    Cli.Result run =
        cli.run(
            "run",
            "start",
            "--scenario",
            "shop",
            "--target",
            "shop-copy",
            "--mode",
            "append_only",
            "--quiet",
            "--format",
            "json");
    assertEquals(0, run.exit(), run.out() + run.err());
    String id = run.out().replaceAll("(?s)^.*?\"id\" : \"([^\"]+)\".*$", "$1");
    Cli.Result f = cli.run("fidelity", "--run", id);
    assertTrue(f.out().contains(": GO"), f.out());
  }
}
