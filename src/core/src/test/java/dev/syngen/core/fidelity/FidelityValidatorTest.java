package dev.syngen.core.fidelity;

import static dev.syngen.core.Fixtures.col;
import static dev.syngen.core.Fixtures.entity;
import static dev.syngen.core.Fixtures.gen;
import static dev.syngen.core.Fixtures.nullable;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.syngen.core.Fixtures;
import dev.syngen.core.fidelity.FidelityReport.Verdict;
import dev.syngen.core.generate.GeneratorRegistry;
import dev.syngen.core.plan.CompiledPlan;
import dev.syngen.core.problem.ValidationException;
import dev.syngen.core.scenario.ColumnType;
import dev.syngen.core.scenario.Entity;
import dev.syngen.core.scenario.Expectations;
import dev.syngen.core.scenario.Expectations.ColumnExpectation;
import dev.syngen.core.scenario.Expectations.IntegrityRule;
import dev.syngen.core.scenario.RowsPerParent;
import dev.syngen.core.scenario.Scenario;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The validator says GO on data generated as declared, and NO-GO naming the defect when data has a
 * shifted mean, a wrong category mix, a broken foreign key or a non-monotonic timeline.
 */
class FidelityValidatorTest {
  private static final ExpectationCompiler EXPECTATIONS =
      new ExpectationCompiler(GeneratorRegistry.builtins());
  private static final FidelityValidator VALIDATOR =
      new FidelityValidator(
          new FidelityValidator.Options(Band.NORMAL, 0.01, 20_000, 7), Clock.systemUTC());

  private static Scenario shop(Expectations expectations) {
    Entity customers =
        entity(
            "customers",
            2000,
            col("customer_id", ColumnType.BIGINT, gen("sequence")),
            col(
                "segment",
                ColumnType.STRING,
                gen(
                    "choice",
                    "values",
                    List.of("retail", "premium", "private"),
                    "weights",
                    List.of(80, 17, 3))),
            nullable("referrer", ColumnType.STRING, 0.2, gen("pattern", "pattern", "REF-###")));
    Entity orders =
        new Entity(
            "orders",
            "orders",
            0,
            List.of(
                col("order_id", ColumnType.BIGINT, gen("sequence")),
                col(
                    "customer_id",
                    ColumnType.BIGINT,
                    gen("fk", "entity", "customers", "column", "customer_id")),
                col("amount", ColumnType.DOUBLE, gen("lognormal", "mu", 3.5, "sigma", 0.6)),
                col("items", ColumnType.INT, gen("poisson", "lambda", 3)),
                col(
                    "placed_at",
                    ColumnType.TIMESTAMP,
                    gen("poisson_process", "start", "-60d", "end", "0d", "hourly", "diurnal"))),
            new RowsPerParent("customers", gen("geometric", "p", 0.15), 0, null));
    Scenario s = Fixtures.scenario(customers, orders);
    return new Scenario(
        s.id(), s.name(), s.version(), null, null, s.asOf(), s.entities(), List.of(), expectations);
  }

  private static CompiledPlan plan(Scenario s) {
    return Fixtures.compile(s, 42);
  }

  private static FidelityReport check(Scenario s, MemoryTableSource data) {
    CompiledPlan plan = plan(s);
    FidelityPlan fp = EXPECTATIONS.compile(s, plan, Expectations.NONE, Band.NORMAL);
    return VALIDATOR.validate(fp, data, s.id(), "run-1", "memory");
  }

  private static String failures(FidelityReport r) {
    return String.join("\n", r.reasons());
  }

  @Test
  void correctDataIsGoAndEveryImpliedCheckRan() {
    Scenario s = shop(Expectations.NONE);
    FidelityReport r = check(s, MemoryTableSource.of(plan(s)));
    assertEquals(Verdict.GO, r.verdict(), failures(r));
    List<String> kinds = r.checks().stream().map(c -> c.kind() + " " + c.subject()).toList();
    for (String expected :
        List.of(
            "row_count orders",
            "distribution orders.amount",
            "distribution orders.items",
            "distribution orders.placed_at",
            "shares customers.segment",
            "null_rate customers.referrer",
            "fk orders.customer_id",
            "monotonic orders.placed_at",
            "children_per_parent orders per customers")) {
      assertTrue(kinds.contains(expected), expected + " missing from " + kinds);
    }
  }

  @Test
  void aShiftedMeanIsNoGoNamingTheColumn() {
    Scenario s = shop(Expectations.NONE);
    MemoryTableSource data = MemoryTableSource.of(plan(s));
    int amount = data.column("orders", "amount");
    for (String[] row : data.rows.get("orders")) {
      row[amount] = Double.toString(Double.parseDouble(row[amount]) * 1.35);
    }
    FidelityReport r = check(s, data);
    assertEquals(Verdict.NO_GO, r.verdict());
    assertTrue(failures(r).contains("orders.amount: does not follow lognormal"), failures(r));
    assertEquals(1, r.reasons().size(), failures(r));
  }

  @Test
  void aWrongCategoryMixIsNoGoNamingTheColumn() {
    Scenario s = shop(Expectations.NONE);
    MemoryTableSource data = MemoryTableSource.of(plan(s));
    int segment = data.column("customers", "segment");
    List<String[]> rows = data.rows.get("customers");
    for (int i = 0; i < rows.size(); i += 3) {
      rows.get(i)[segment] = "premium";
    }
    FidelityReport r = check(s, data);
    assertEquals(Verdict.NO_GO, r.verdict());
    assertTrue(failures(r).contains("customers.segment: does not follow choice of 3"), failures(r));
  }

  @Test
  void aBrokenForeignKeyIsNoGoNamingTheKey() {
    Scenario s = shop(Expectations.NONE);
    MemoryTableSource data = MemoryTableSource.of(plan(s));
    int fk = data.column("orders", "customer_id");
    List<String[]> rows = data.rows.get("orders");
    rows.get(5)[fk] = "999999";
    rows.get(77)[fk] = "-1";
    FidelityReport r = check(s, data);
    assertEquals(Verdict.NO_GO, r.verdict());
    assertTrue(failures(r).contains("orders.customer_id: broken foreign key: 2 of"), failures(r));
  }

  @Test
  void aNonMonotonicTimelineIsNoGoNamingTheColumn() {
    Scenario s = shop(Expectations.NONE);
    MemoryTableSource data = MemoryTableSource.of(plan(s));
    int at = data.column("orders", "placed_at");
    int fk = data.column("orders", "customer_id");
    List<String[]> rows = data.rows.get("orders");
    int swapped = 0;
    for (int i = 1; i < rows.size() && swapped < 3; i++) {
      if (rows.get(i)[fk].equals(rows.get(i - 1)[fk])
          && !rows.get(i)[at].equals(rows.get(i - 1)[at])) {
        String t = rows.get(i)[at];
        rows.get(i)[at] = rows.get(i - 1)[at];
        rows.get(i - 1)[at] = t;
        swapped++;
        i += 5;
      }
    }
    assertEquals(3, swapped);
    FidelityReport r = check(s, data);
    assertEquals(Verdict.NO_GO, r.verdict());
    assertTrue(
        failures(r)
            .contains("orders.placed_at: non-monotonic timeline within each customer_id: 3 of"),
        failures(r));
    assertEquals(1, r.reasons().size(), failures(r));
  }

  @Test
  void declaredExpectationsAreCheckedWithTheirBands() {
    Expectations x =
        new Expectations(
            null,
            List.of(
                new ColumnExpectation(
                    "expectations.columns[0]",
                    "orders",
                    "amount",
                    null,
                    Map.of(0.5, 33.1, 0.9, 71.0),
                    Map.of(),
                    null,
                    null),
                new ColumnExpectation(
                    "expectations.columns[1]",
                    "customers",
                    "segment",
                    null,
                    Map.of(),
                    Map.of("retail", 0.5, "premium", 0.45),
                    null,
                    "strict")),
            List.of(),
            List.of(
                new IntegrityRule(
                    "expectations.integrity[0]",
                    IntegrityRule.Kind.UNIQUE,
                    "customers",
                    "segment",
                    null,
                    null)));
    Scenario s = shop(x);
    FidelityReport r = check(s, MemoryTableSource.of(plan(s)));
    assertEquals(Verdict.NO_GO, r.verdict());
    String f = failures(r);
    assertTrue(f.contains("customers.segment: wrong category mix: 'premium'"), f);
    assertTrue(f.contains("customers.segment: not unique"), f);
    assertFalse(f.contains("orders.amount"), "declared percentiles of amount hold: " + f);
  }

  @Test
  void expectationsThatNameNothingAreRefusedWithPaths() {
    Expectations x =
        new Expectations(
            null,
            List.of(
                new ColumnExpectation(
                    "expectations.columns[0]",
                    "orders",
                    "amout",
                    null,
                    Map.of(0.5, 1),
                    Map.of(),
                    null,
                    null)),
            List.of(),
            List.of(
                new IntegrityRule(
                    "expectations.integrity[0]",
                    IntegrityRule.Kind.FK,
                    "orders",
                    "amount",
                    null,
                    null)));
    Scenario s = shop(x);
    ValidationException e =
        assertThrows(
            ValidationException.class,
            () -> EXPECTATIONS.compile(s, plan(s), Expectations.NONE, Band.NORMAL));
    assertEquals(
        List.of("expectations.columns[0].column", "expectations.integrity[0].fk"),
        e.problems().stream().map(p -> p.path()).toList());
  }

  @Test
  void theHtmlReportIsSelfContainedWithAChartPerCheckedColumn() {
    Scenario s = shop(Expectations.NONE);
    FidelityReport r = check(s, MemoryTableSource.of(plan(s)));
    String html = HtmlReport.render(r);
    assertTrue(html.contains("<svg"), "has charts");
    assertTrue(html.contains("orders.amount (histogram)"));
    assertFalse(html.contains("<script"), "no scripts");
    assertFalse(html.replace("http://www.w3.org/2000/svg", "").contains("http"), "nothing fetched");
    assertTrue(html.contains(">GO<"));
  }
}
