package dev.syngen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
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
 * {@code syngen scenario from-db} against a real MariaDB: the shop's catalogue (enum, tinyint(1),
 * composite and self-referencing keys, CHECKs) becomes a valid draft, its DDL creates an empty copy
 * with the same keys, the draft runs into that copy through a {@code mariadb} target (the server
 * enforcing every key and CHECK as rows arrive), and the copy is GO against the original's profile.
 */
class FromDbMariaDbTest {
  static final String HOST =
      System.getenv().getOrDefault("SYNGEN_TEST_MARIADB_HOST", "127.0.0.1:3306");
  static String db;

  @TempDir Path tmp;

  static Connection connect() throws SQLException {
    Properties p = new Properties();
    p.put("user", "root");
    return DriverManager.getConnection("jdbc:mariadb://" + HOST + "/", p);
  }

  @BeforeAll
  static void createSource() throws SQLException {
    byte[] b = new byte[3];
    ThreadLocalRandom.current().nextBytes(b);
    db = "fromdb_it_maria_" + HexFormat.of().formatHex(b);
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + db);
      ShopSchema shop = new ShopSchema("mariadb", db);
      shop.create(c);
      shop.populate(c);
    }
  }

  @AfterAll
  static void dropDatabases() throws SQLException {
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + db);
      s.execute("DROP DATABASE IF EXISTS " + db + "_copy");
      s.execute("DROP DATABASE IF EXISTS " + db + "_fill");
      s.execute("DROP DATABASE IF EXISTS " + db + "_x4");
    }
  }

  @Test
  void draftsTheShopAndItsDdlCreatesAnEmptyCopyWithTheSameKeys() throws Exception {
    Path scenarios = Files.createDirectories(tmp.resolve("scenarios"));
    Cli cli = new Cli(scenarios, Files.createDirectories(tmp.resolve("targets")), tmp.resolve("h"));
    Path ddl = tmp.resolve("copy.sql");
    Cli.Result r =
        cli.run(
            "scenario",
            "from-db",
            "--target",
            "mariadb://root@" + HOST + "/" + db,
            "--id",
            "shop",
            "--out",
            scenarios.resolve("shop.yaml").toString(),
            "--ddl-out",
            ddl.toString());
    assertEquals(0, r.exit(), r.out() + r.err());
    assertTrue(r.out().contains("from 13 tables of mariadb schema " + db), r.out());
    String draft = Files.readString(scenarios.resolve("shop.yaml"));
    assertTrue(draft.contains("values: [new, paid, shipped, cancelled]"), "enum labels: " + draft);
    assertTrue(draft.contains("- name: active\n        type: bool"), "tinyint(1) is a flag");
    assertTrue(draft.contains("distribution: distinct"), "the junction table keeps its key");
    assertTrue(draft.contains("expression: order_id.line_no"), "composite key follows its row");
    assertTrue(draft.contains("breaks the foreign-key cycle"), "the cycle is explained");
    assertTrue(draft.contains("rows_per_parent"), "children per parent are laid out");
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      try (ResultSet rs = s.executeQuery("SELECT email, full_name FROM " + db + ".customers")) {
        while (rs.next()) {
          assertFalse(draft.contains(rs.getString(1)), "an e-mail was copied");
          assertFalse(draft.contains(rs.getString(2)), "a name was copied");
        }
      }
      for (String stmt : Files.readString(ddl).split(";\n")) {
        if (!stmt.isBlank()) {
          s.execute(stmt);
        }
      }
      try (ResultSet rs =
          s.executeQuery(
              "SELECT count(*) FROM information_schema.REFERENTIAL_CONSTRAINTS"
                  + " WHERE CONSTRAINT_SCHEMA = '"
                  + db
                  + "_copy'")) {
        rs.next();
        assertEquals(16, rs.getInt(1), "every foreign key of the shop is in the copy");
      }
    }
    Cli.Result valid = cli.run("scenario", "validate", "shop");
    assertEquals(0, valid.exit(), valid.out() + valid.err());
  }

  @Test
  void theDraftFillsTheEmptyCopyInMariaDbAndTheCopyIsGo() throws Exception {
    Path scenarios = Files.createDirectories(tmp.resolve("scenarios"));
    Path targets = Files.createDirectories(tmp.resolve("targets"));
    String copy = db + "_fill";
    Files.writeString(
        targets.resolve("shop-copy.yaml"),
        "id: shop-copy\nname: copy\nkind: mariadb\ndsn: mysql://root@"
            + HOST
            + "/"
            + db
            + "\nschema: "
            + copy
            + "\n");
    Cli cli = new Cli(scenarios, targets, tmp.resolve("h"));
    Path ddl = tmp.resolve("copy.sql");
    Path profile = tmp.resolve("original.json");
    Cli.Result r =
        cli.run(
            "scenario",
            "from-db",
            "--target",
            "mariadb://root@" + HOST + "/" + db,
            "--id",
            "shop",
            "--out",
            scenarios.resolve("shop.yaml").toString(),
            "--profile-out",
            profile.toString(),
            "--ddl-out",
            ddl.toString(),
            "--copy-schema",
            copy);
    assertEquals(0, r.exit(), r.out() + r.err());
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
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      assertEquals(ShopSchema.CUSTOMERS, count(s, copy + ".customers"));
      assertTrue(count(s, copy + ".order_lines") > 1000, "order lines were written");
      // InnoDB checked every foreign key as the rows arrived; the composite one is checked again
      assertEquals(
          0,
          count(
              s,
              copy
                  + ".returns r WHERE NOT EXISTS (SELECT 1 FROM "
                  + copy
                  + ".order_lines l WHERE l.order_id = r.order_id AND l.line_no = r.line_no)"));
      assertEquals(0, count(s, copy + ".order_lines WHERE quantity NOT BETWEEN 1 AND 20"));
    }
    Cli.Result f = cli.run("fidelity", "--run", id, "--compare-profile", profile.toString());
    assertEquals(0, f.exit(), f.out() + f.err());
    assertTrue(f.out().contains(": GO"), f.out());
    assertTrue(
        f.out().lines().anyMatch(l -> l.startsWith("PASS") && l.contains("orders per customers")),
        f.out());
    assertTrue(f.out().contains("every key exists in order_lines.order_id"), f.out());
  }

  /**
   * The reported "--scale 4 does not scale customers", on the path of a MariaDB copy: four times
   * the customers (a root table), the orders laid out per customer at the original's law, checked
   * by the run's own expectations and against the original's profile ({@code reference_parents}).
   */
  @Test
  void aCopyAtScaleFourHasFourTimesTheCustomersAndTheOriginalsOrdersPerCustomer() throws Exception {
    Path scenarios = Files.createDirectories(tmp.resolve("scenarios"));
    Path targets = Files.createDirectories(tmp.resolve("targets"));
    String copy = db + "_x4";
    Files.writeString(
        targets.resolve("shop-x4.yaml"),
        "id: shop-x4\nname: copy\nkind: mariadb\ndsn: mariadb://root@"
            + HOST
            + "/"
            + db
            + "\nschema: "
            + copy
            + "\n");
    Cli cli = new Cli(scenarios, targets, tmp.resolve("h"));
    Path profile = tmp.resolve("original.json");
    Cli.Result r =
        cli.run(
            "scenario",
            "from-db",
            "--target",
            "mariadb://root@" + HOST + "/" + db,
            "--id",
            "shop",
            "--out",
            scenarios.resolve("shop.yaml").toString(),
            "--profile-out",
            profile.toString());
    assertEquals(0, r.exit(), r.out() + r.err());
    assertTrue(
        Files.readString(scenarios.resolve("shop.yaml")).contains("reference_parents"),
        "the draft compares children per parent with the original's parents as a sample");
    Cli.Result run =
        cli.run(
            "run",
            "start",
            "--scenario",
            "shop",
            "--target",
            "shop-x4",
            "--scale",
            "4",
            "--quiet",
            "--format",
            "json");
    assertEquals(0, run.exit(), run.out() + run.err());
    String id = run.out().replaceAll("(?s)^.*?\"id\" : \"([^\"]+)\".*$", "$1");
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      assertEquals(4L * ShopSchema.CUSTOMERS, count(s, copy + ".customers"), "the root scales");
      assertEquals(4L * 15, count(s, copy + ".tags"));
      long orders = count(s, copy + ".orders");
      long original = count(s, db + ".orders");
      // the same orders per customer: four times the original's orders, within sampling noise
      assertTrue(
          Math.abs(orders - 4.0 * original) < 0.1 * 4 * original,
          "orders " + orders + " against 4 x " + original);
    }
    Cli.Result own = cli.run("fidelity", "--run", id);
    assertEquals(0, own.exit(), own.out() + own.err());
    assertTrue(passes(own.out(), "orders per customers"), own.out());
    Cli.Result f = cli.run("fidelity", "--run", id, "--compare-profile", profile.toString());
    assertEquals(0, f.exit(), f.out() + f.err());
    assertTrue(f.out().contains(": GO"), f.out());
    assertTrue(passes(f.out(), "orders per customers"), f.out());
  }

  private static boolean passes(String report, String relationship) {
    return report.lines().anyMatch(l -> l.startsWith("PASS") && l.contains(relationship));
  }

  private static long count(Statement s, String from) throws SQLException {
    try (ResultSet rs = s.executeQuery("SELECT count(*) FROM " + from)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
