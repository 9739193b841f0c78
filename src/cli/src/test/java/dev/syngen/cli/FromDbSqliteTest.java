package dev.syngen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code syngen scenario from-db} on a SQLite file: draft the shop, create an empty copy from the
 * drafted DDL, run into it, and find every key, CHECK and foreign key holding.
 */
class FromDbSqliteTest {
  @TempDir Path tmp;

  @Test
  void draftsRunsIntoAnEmptyCopyWhereEveryConstraintHolds() throws Exception {
    Path original = tmp.resolve("shop.db");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + original)) {
      ShopSchema shop = new ShopSchema("sqlite", null);
      shop.create(c);
      shop.populate(c);
    }
    Path scenarios = Files.createDirectories(tmp.resolve("scenarios"));
    Cli cli = new Cli(scenarios, Files.createDirectories(tmp.resolve("targets")), tmp.resolve("h"));
    Path ddl = tmp.resolve("copy.sql");
    Path profile = tmp.resolve("original.json");
    Cli.Result r =
        cli.run(
            "scenario",
            "from-db",
            "--target",
            original.toString(),
            "--id",
            "shop",
            "--out",
            scenarios.resolve("shop.yaml").toString(),
            "--ddl-out",
            ddl.toString(),
            "--profile-out",
            profile.toString());
    assertEquals(0, r.exit(), r.out() + r.err());
    assertTrue(r.out().contains("from 13 tables of sqlite schema main"), r.out());
    String draft = Files.readString(scenarios.resolve("shop.yaml"));
    assertTrue(draft.contains("distribution: distinct"), "the junction table keeps its key unique");
    assertTrue(draft.contains("expression: order_id.line_no"), "the composite key follows its row");

    Path copy = tmp.resolve("copy.db");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + copy);
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
            "--target-kind",
            "sqlite",
            "--target",
            copy.toString(),
            "--mode",
            "append_only",
            "--quiet",
            "--format",
            "json");
    assertEquals(0, run.exit(), run.out() + run.err());
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + copy);
        Statement s = c.createStatement();
        ResultSet fk = s.executeQuery("PRAGMA foreign_key_check")) {
      assertFalse(fk.next(), "a foreign key of the copy is broken");
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + copy);
        Statement s = c.createStatement();
        ResultSet n = s.executeQuery("SELECT count(*) FROM orders")) {
      n.next();
      assertTrue(n.getLong(1) > 1000, "orders were written");
    }
    String id = run.out().replaceAll("(?s)^.*?\"id\" : \"([^\"]+)\".*$", "$1");
    Cli.Result f = cli.run("fidelity", "--run", id, "--compare-profile", profile.toString());
    assertEquals(0, f.exit(), f.out() + f.err());
    assertTrue(f.out().contains("orders per customers"), f.out());
  }

  @Test
  void aCopyAtScaleFourScalesEveryRootTableAndItsChildrenAndFidelityPlansTheSameRows()
      throws Exception {
    Path original = tmp.resolve("shop.db");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + original)) {
      ShopSchema shop = new ShopSchema("sqlite", null);
      shop.create(c);
      shop.populate(c);
    }
    Path scenarios = Files.createDirectories(tmp.resolve("scenarios"));
    Cli cli = new Cli(scenarios, Files.createDirectories(tmp.resolve("targets")), tmp.resolve("h"));
    Cli.Result r =
        cli.run(
            "scenario",
            "from-db",
            "--target",
            original.toString(),
            "--id",
            "shop",
            "--out",
            scenarios.resolve("shop.yaml").toString());
    assertEquals(0, r.exit(), r.out() + r.err());
    Path copy = tmp.resolve("copy4.db");
    Cli.Result run =
        cli.run(
            "run",
            "start",
            "--scenario",
            "shop",
            "--target-kind",
            "sqlite",
            "--target",
            copy.toString(),
            "--scale",
            "4",
            "--quiet");
    assertEquals(0, run.exit(), run.out() + run.err());
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + copy);
        Statement s = c.createStatement()) {
      assertEquals(4L * ShopSchema.CUSTOMERS, count(s, "customers"), "the root table scales");
      assertEquals(4L * 15, count(s, "tags"));
      assertEquals(4L * 8, count(s, "departments"));
      // orders follow customers: about 4 × 2,800 (the original's 1.88 per customer)
      long orders = count(s, "orders");
      assertTrue(orders > 4 * 2000 && orders < 4 * 3800, "orders: " + orders);
    }
    // checked as a scenario at the same scale, the plan must be the run's (the scenario's seed
    // decides how many children each parent has), so every row count is as planned
    Cli.Result f =
        cli.run(
            "fidelity",
            "--scenario",
            "shop",
            "--scale",
            "4",
            "--target-kind",
            "sqlite",
            "--target",
            copy.toString());
    assertTrue(f.out().contains("customers                     6000 rows, as planned"), f.out());
    assertFalse(f.out().contains("missing rows"), f.out());
    assertEquals(0, f.exit(), f.out() + f.err());
  }

  private static long count(Statement s, String table) throws java.sql.SQLException {
    try (ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
