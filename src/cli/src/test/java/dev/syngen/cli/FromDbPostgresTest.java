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
    assertTrue(
        draft.contains("type: correlated\n          params:\n            with: price"),
        "weight_kg follows price through a copula: " + draft);
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
    // normal tolerance: children per parent are compared with the original's few hundred parents
    // as a sample (two-sample chi-square), not as an exact law
    Cli.Result f = cli.run("fidelity", "--run", id);
    assertTrue(f.out().contains(": GO"), f.out());
    assertEquals(0, f.exit(), f.out() + f.err());
    assertTrue(f.out().contains("orders per customers"), f.out());

    // the copy against the original's profile: GO, per column and per relationship
    Cli.Result same = cli.run("fidelity", "--run", id, "--compare-profile", profile.toString());
    assertEquals(0, same.exit(), same.out() + same.err());
    assertTrue(
        same.out()
            .lines()
            .anyMatch(
                l ->
                    l.startsWith("PASS")
                        && l.contains("correlation")
                        && l.contains("products.weight_kg")),
        "the copy keeps the rank correlation of weight and price: " + same.out());
    assertTrue(same.out().contains("orders per customers"), same.out());

    // the original changes after drafting: ten more orders for each of 300 customers
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      s.execute(
          "INSERT INTO "
              + source
              + ".orders SELECT 100000 + g * 1000 + k, g, 'paid', now(), 10, NULL"
              + " FROM generate_series(1, 300) g, generate_series(1, 10) k");
    }
    Path changed = tmp.resolve("changed.json");
    Cli.Result again =
        cli.run(
            "scenario",
            "from-db",
            "--target",
            DSN,
            "--schema",
            source,
            "--id",
            "shop2",
            "--out",
            tmp.resolve("shop2.yaml").toString(),
            "--profile-out",
            changed.toString());
    assertEquals(0, again.exit(), again.out() + again.err());
    Cli.Result differs = cli.run("fidelity", "--run", id, "--compare-profile", changed.toString());
    assertEquals(3, differs.exit(), differs.out() + differs.err());
    assertTrue(
        differs
            .out()
            .lines()
            .anyMatch(l -> l.startsWith("FAIL") && l.contains("orders per customers")),
        differs.out());
  }

  @Test
  void noSampledIdentifierOrFreeTextValueAppearsInTheDraft() throws Exception {
    Cli cli = cli();
    Cli.Result r =
        cli.run("scenario", "from-db", "--target", DSN, "--schema", source, "--id", "private");
    assertEquals(0, r.exit(), r.err());
    String draft = r.out();
    String[][] columns = {
      {"customers", "email"},
      {"customers", "full_name"},
      {"customers", "phone"},
      {"products", "sku"},
      {"products", "name"},
      {"orders", "coupon_code"},
      {"reviews", "body"},
      {"employees", "full_name"},
      {"shipments", "shipment_id"},
      {"regions", "name"},
      {"categories", "name"},
      {"departments", "name"},
      {"tags", "label"}
    };
    int checked = 0;
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      for (String[] col : columns) {
        try (var rs =
            s.executeQuery(
                "SELECT DISTINCT "
                    + col[1]
                    + "::text FROM "
                    + source
                    + "."
                    + col[0]
                    + " WHERE "
                    + col[1]
                    + " IS NOT NULL")) {
          while (rs.next()) {
            String v = rs.getString(1);
            assertTrue(!draft.contains(v), col[0] + "." + col[1] + " value '" + v + "' was copied");
            checked++;
          }
        }
      }
    }
    assertTrue(checked > 5000, "checked " + checked + " values");
  }

  @Test
  void anUnsupportedTypeIsReportedWithItsPathAndHandledAsAsked() throws Exception {
    String unk = source + "_unk";
    try {
      execute("CREATE SCHEMA " + unk);
      execute("CREATE TABLE " + unk + ".places (place_id int PRIMARY KEY, label text, spot point)");
      execute(
          "INSERT INTO "
              + unk
              + ".places SELECT g, 'p' || g, point(g, g) FROM generate_series(1, 50) g");
      Cli cli = cli();
      Cli.Result fail = cli.run("scenario", "from-db", "--target", DSN, "--schema", unk);
      assertEquals(2, fail.exit(), fail.out() + fail.err());
      assertTrue(fail.err().contains("places.spot (point)"), fail.err());
      assertTrue(fail.err().contains("--on-unknown skip"), fail.err());
      Cli.Result skip =
          cli.run(
              "scenario",
              "from-db",
              "--target",
              DSN,
              "--schema",
              unk,
              "--on-unknown",
              "skip",
              "--out",
              tmp.resolve("p.yaml").toString());
      assertEquals(0, skip.exit(), skip.err());
      assertTrue(
          skip.out().contains("places.spot (point): type not supported, left out"), skip.out());
      assertTrue(!Files.readString(tmp.resolve("p.yaml")).contains("name: spot"));
      Cli.Result nul =
          cli.run("scenario", "from-db", "--target", DSN, "--schema", unk, "--on-unknown", "null");
      assertEquals(0, nul.exit(), nul.err());
      assertTrue(nul.out().contains("- name: spot"), nul.out());
      assertTrue(nul.out().contains("null_rate: 1.0"), nul.out());
    } finally {
      execute("DROP SCHEMA IF EXISTS " + unk + " CASCADE");
    }
  }

  @Test
  void badOptionsAreRefusedWithTheFieldAndNothingIsWritten() throws Exception {
    Cli cli = cli();
    Path out = tmp.resolve("never.yaml");
    Cli.Result r =
        cli.run(
            "scenario",
            "from-db",
            "--target",
            DSN,
            "--schema",
            "bad schema",
            "--k",
            "1",
            "--on-unknown",
            "maybe",
            "--out",
            out.toString());
    assertEquals(2, r.exit());
    assertTrue(r.err().contains("schema"), r.err());
    assertTrue(r.err().contains("k: must be between 2"), r.err());
    assertTrue(r.err().contains("on_unknown"), r.err());
    assertTrue(!Files.exists(out));
    Cli.Result missing =
        cli.run("scenario", "from-db", "--target", DSN, "--schema", source, "--include", "nope");
    assertEquals(2, missing.exit());
    assertTrue(missing.err().contains("no table nope"), missing.err());
  }
}
