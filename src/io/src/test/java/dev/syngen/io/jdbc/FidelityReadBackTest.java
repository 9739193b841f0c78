package dev.syngen.io.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.syngen.core.engine.CancelToken;
import dev.syngen.core.engine.RunEngine;
import dev.syngen.core.engine.RunListener;
import dev.syngen.core.fidelity.Band;
import dev.syngen.core.fidelity.FidelityReport;
import dev.syngen.core.fidelity.FidelityValidator;
import dev.syngen.core.fidelity.RunFidelity;
import dev.syngen.core.fidelity.TableSource;
import dev.syngen.core.generate.GeneratorRegistry;
import dev.syngen.core.plan.CompiledPlan;
import dev.syngen.core.plan.PlanCompiler;
import dev.syngen.core.plan.RunOverrides;
import dev.syngen.core.scenario.Expectations;
import dev.syngen.core.scenario.Scenario;
import dev.syngen.core.sink.Sink;
import dev.syngen.core.sink.TableMode;
import dev.syngen.core.sink.TargetProfile;
import dev.syngen.io.TableSources;
import dev.syngen.io.Targets;
import dev.syngen.io.yaml.ScenarioFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generated data read back from every target kind (CSV, NDJSON, SQLite, PostgreSQL) passes its own
 * fidelity check, and a defect planted in the target turns the verdict to NO-GO naming it.
 */
class FidelityReadBackTest {
  private static final String SCENARIO =
      """
      id: shop
      name: Shop
      seed: 9
      as_of: 2026-01-01T00:00:00Z
      entities:
        - name: customers
          rows: 3000
          columns:
            - {name: customer_id, type: bigint, generator: sequence}
            - {name: segment, type: string, generator: {type: choice, params: {values: [retail, premium, private], weights: [80, 17, 3]}}}
        - name: orders
          rows_per_parent: {parent: customers, count: {type: geometric, params: {p: 0.2}}}
          columns:
            - {name: order_id, type: bigint, generator: sequence}
            - {name: customer_id, type: bigint, generator: {type: fk, params: {entity: customers, column: customer_id}}}
            - {name: amount, type: double, generator: {type: lognormal, params: {mu: 3.5, sigma: 0.6}}}
            - {name: status, type: string, generator: {type: choice, params: {values: [paid, refunded, open], weights: [85, 5, 10]}}}
            - {name: placed_at, type: timestamp, generator: {type: poisson_process, params: {start: "-90d", end: "0d", hourly: diurnal}}}
            - {name: total, type: double, expression: "round(amount * 1.2, 2)"}
      expectations:
        columns:
          - {column: orders.status, shares: {paid: 0.85, refunded: 0.05}}
      """;
  private static final PgTestDatabase PG = new PgTestDatabase("fidelity");
  @TempDir Path dir;

  @AfterAll
  static void dropSchemas() throws Exception {
    PG.close();
  }

  private static Scenario scenario() {
    return ScenarioFiles.parse(SCENARIO, "shop");
  }

  private static void generate(TargetProfile target) {
    Scenario s = scenario();
    CompiledPlan plan =
        new PlanCompiler(GeneratorRegistry.builtins()).compile(s, RunOverrides.NONE);
    try (Sink sink = Targets.builtins().open(target)) {
      new RunEngine(2, 1000)
          .run(
              plan,
              sink,
              TableMode.TRUNCATE_THEN_INSERT,
              Map.of(),
              RunListener.NONE,
              new CancelToken());
    }
  }

  private static FidelityReport check(TargetProfile target) {
    try (TableSource source = TableSources.open(target)) {
      return new RunFidelity(GeneratorRegistry.builtins(), Clock.systemUTC())
          .check(
              scenario(),
              RunOverrides.NONE,
              null,
              Expectations.NONE,
              source,
              target.id(),
              new FidelityValidator.Options(Band.NORMAL, 0.01, 20_000, 9));
    }
  }

  private static void assertGo(FidelityReport r) {
    assertEquals(FidelityReport.Verdict.GO, r.verdict(), String.join("\n", r.reasons()));
    assertTrue(r.checks().size() >= 10, "checks: " + r.checks().size());
  }

  private static void assertNoGo(FidelityReport r, String expected) {
    assertEquals(FidelityReport.Verdict.NO_GO, r.verdict());
    assertTrue(
        r.reasons().stream().anyMatch(x -> x.contains(expected)),
        expected + " not in " + r.reasons());
  }

  @Test
  void csvWithAShiftedMeanIsNoGo() throws IOException {
    TargetProfile t = new TargetProfile("csv", "csv", "csv", dir.toString(), null, null);
    generate(t);
    assertGo(check(t));
    Path orders = dir.resolve("orders.csv");
    List<String> out = new ArrayList<>();
    for (String line : Files.readAllLines(orders)) {
      String[] f = line.split(",", -1);
      if (!f[2].equals("amount")) {
        f[2] = Double.toString(Double.parseDouble(f[2]) + 20);
      }
      out.add(String.join(",", f));
    }
    Files.write(orders, out);
    assertNoGo(check(t), "orders.amount: does not follow lognormal(mu=3.5, sigma=0.6)");
  }

  @Test
  void ndjsonWithAWrongCategoryMixIsNoGo() throws IOException {
    TargetProfile t = new TargetProfile("nd", "nd", "ndjson", dir.toString(), null, null);
    generate(t);
    assertGo(check(t));
    Path orders = dir.resolve("orders.ndjson");
    List<String> lines = Files.readAllLines(orders);
    for (int i = 0; i < lines.size(); i += 4) {
      lines.set(i, lines.get(i).replace("\"status\":\"paid\"", "\"status\":\"refunded\""));
    }
    Files.write(orders, lines);
    FidelityReport r = check(t);
    assertNoGo(r, "orders.status: does not follow choice of 3");
    assertNoGo(r, "orders.status: wrong category mix: 'refunded'");
  }

  @Test
  void sqliteWithABrokenForeignKeyIsNoGo() throws Exception {
    Path db = dir.resolve("shop.sqlite");
    TargetProfile t = new TargetProfile("lite", "lite", "sqlite", db.toString(), null, null);
    generate(t);
    assertGo(check(t));
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement s = c.createStatement()) {
      s.executeUpdate(
          "UPDATE orders SET customer_id = customer_id + 1000000 WHERE order_id % 250 = 0");
    }
    assertNoGo(check(t), "orders.customer_id: broken foreign key");
  }

  @Test
  void postgresWithANonMonotonicTimelineIsNoGo() throws Exception {
    String schema = PG.schema("mono");
    TargetProfile t = PgTestDatabase.profile(schema, Map.of());
    generate(t);
    assertGo(check(t));
    PgTestDatabase.execute(
        "UPDATE \""
            + schema
            + "\".orders SET placed_at = placed_at + interval '200 days' WHERE order_id % 300 = 7");
    assertNoGo(check(t), "orders.placed_at: non-monotonic timeline within each customer_id");
  }
}
