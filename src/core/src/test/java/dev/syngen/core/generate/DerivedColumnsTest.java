package dev.syngen.core.generate;

import static dev.syngen.core.Fixtures.col;
import static dev.syngen.core.Fixtures.entity;
import static dev.syngen.core.Fixtures.gen;
import static dev.syngen.core.Fixtures.nullable;
import static dev.syngen.core.Fixtures.scenario;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.syngen.core.Fixtures;
import dev.syngen.core.plan.CompiledColumn;
import dev.syngen.core.plan.CompiledPlan;
import dev.syngen.core.problem.Problem;
import dev.syngen.core.problem.ValidationException;
import dev.syngen.core.scenario.Column;
import dev.syngen.core.scenario.ColumnType;
import dev.syngen.core.scenario.Entity;
import dev.syngen.core.scenario.RowsPerParent;
import dev.syngen.core.scenario.Scenario;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;
import org.junit.jupiter.api.Test;

/** Derived (expression), correlated and unique columns. */
class DerivedColumnsTest {
  private static final String SUBJECT = "line_items";

  private static CompiledPlan lines(Column... extra) {
    Entity products =
        entity(
            "products",
            40,
            col("product_id", ColumnType.BIGINT, gen("sequence")),
            col("list_price", ColumnType.DOUBLE, gen("uniform_float", "min", 5, "max", 50)));
    Column[] base = {
      col("quantity", ColumnType.INT, gen("uniform_int", "min", 1, "max", 9)),
      col("unit_price", ColumnType.DOUBLE, gen("uniform_float", "min", 1, "max", 20)),
      col("product_id", ColumnType.BIGINT, gen("fk", "entity", "products", "column", "product_id"))
    };
    Column[] all = Arrays.copyOf(base, base.length + extra.length);
    System.arraycopy(extra, 0, all, base.length, extra.length);
    return Fixtures.compile(scenario(products, entity(SUBJECT, 500, all)), 7);
  }

  private static double real(CompiledColumn c, long row) {
    return c.generator().kind() == dev.syngen.core.scenario.ValueKind.DOUBLE
        ? c.generator().doubleAt(c.key(), row)
        : c.generator().longAt(c.key(), row);
  }

  @Test
  void expressionsComputeFromOtherColumnsOfTheRowAndOfReferencedRows() {
    CompiledPlan plan =
        lines(
            col("total", ColumnType.DOUBLE, gen("expression", "expr", "quantity * unit_price")),
            col(
                "tier",
                ColumnType.STRING,
                gen(
                    "expression",
                    "expr",
                    "if(total >= 100, 'big', quantity in (1, 2) ? 'tiny' : 'mid')")),
            col(
                "discounted",
                ColumnType.DOUBLE,
                gen("expression", "expr", "round(product_id.list_price * 0.9, 2)")));
    CompiledColumn q = Fixtures.column(plan, SUBJECT, "quantity");
    CompiledColumn p = Fixtures.column(plan, SUBJECT, "unit_price");
    CompiledColumn total = Fixtures.column(plan, SUBJECT, "total");
    CompiledColumn tier = Fixtures.column(plan, SUBJECT, "tier");
    CompiledColumn fk = Fixtures.column(plan, SUBJECT, "product_id");
    CompiledColumn discounted = Fixtures.column(plan, SUBJECT, "discounted");
    CompiledColumn listPrice = Fixtures.column(plan, "products", "list_price");
    for (long row = 0; row < 500; row++) {
      double expected = real(q, row) * real(p, row);
      assertEquals(expected, real(total, row), 1e-9);
      String t = tier.generator().stringAt(tier.key(), row);
      String want = expected >= 100 ? "big" : real(q, row) <= 2 ? "tiny" : "mid";
      assertEquals(want, t);
      long productRow = fk.generator().longAt(fk.key(), row) - 1;
      double list = real(listPrice, productRow);
      assertEquals(Math.rint(list * 0.9 * 100) / 100, real(discounted, row), 1e-9);
    }
  }

  @Test
  void expressionsReadTheParentOfAnAllocatedRow() {
    Entity orders =
        entity(
            "orders",
            30,
            col("order_id", ColumnType.BIGINT, gen("sequence")),
            col(
                "placed_at",
                ColumnType.TIMESTAMP,
                gen("timestamp_between", "start", "-30d", "end", "-1d")));
    Entity shipments =
        new Entity(
            "shipments",
            "shipments",
            0,
            List.of(
                col(
                    "order_id",
                    ColumnType.BIGINT,
                    gen("fk", "entity", "orders", "column", "order_id")),
                col("delay_h", ColumnType.DOUBLE, gen("exponential", "mean", 30)),
                col(
                    "shipped_at",
                    ColumnType.TIMESTAMP,
                    gen("expression", "expr", "parent.placed_at + hours(delay_h)"))),
            new RowsPerParent("orders", gen("poisson", "lambda", 2), 0, null));
    CompiledPlan plan = Fixtures.compile(scenario(orders, shipments), 3);
    CompiledColumn placed = Fixtures.column(plan, "orders", "placed_at");
    CompiledColumn fk = Fixtures.column(plan, "shipments", "order_id");
    CompiledColumn delay = Fixtures.column(plan, "shipments", "delay_h");
    CompiledColumn shipped = Fixtures.column(plan, "shipments", "shipped_at");
    long rows = Fixtures.compiled(plan, "shipments").rows();
    assertTrue(rows > 30);
    for (long row = 0; row < rows; row++) {
      long orderRow = fk.generator().longAt(fk.key(), row) - 1;
      long expected =
          placed.generator().longAt(placed.key(), orderRow)
              + Math.round(delay.generator().doubleAt(delay.key(), row) * 3_600_000);
      assertEquals(expected, shipped.generator().longAt(shipped.key(), row));
    }
  }

  @Test
  void expressionProblemsNameTheColumnThePositionAndTheFix() {
    ValidationException e =
        assertThrows(
            ValidationException.class,
            () ->
                lines(
                    col("a", ColumnType.DOUBLE, gen("expression", "expr", "quantity * nope")),
                    col("b", ColumnType.DOUBLE, gen("expression", "expr", "quantity + 'x' * 2")),
                    col("c", ColumnType.DOUBLE, gen("expression", "expr", "d + 1")),
                    col("d", ColumnType.DOUBLE, gen("expression", "expr", "c + 1")),
                    nullable("e", ColumnType.DOUBLE, 0.1, gen("normal", "mean", 1, "std", 1)),
                    col("f", ColumnType.DOUBLE, gen("expression", "expr", "e * 2")),
                    col("g", ColumnType.DOUBLE, gen("expression", "expr", "coalesce(e, 0) * 2")),
                    col("h", ColumnType.INT, gen("expression", "expr", "quantity % quantity")),
                    col("i", ColumnType.INT, gen("expression", "expr", "unit_price * 2")),
                    col("j", ColumnType.INT, gen("expression", "expr", "(quantity + 1"))));
    Map<String, String> byColumn = new java.util.HashMap<>();
    for (Problem p : e.problems()) {
      byColumn.merge(p.path(), p.message(), (x, y) -> x + " | " + y);
    }
    String base = "entities[1].columns[";
    assertTrue(
        byColumn.get(base + "3].generator.params.expr").contains("no column 'nope'"),
        byColumn.toString());
    assertTrue(
        byColumn.get(base + "4].generator.params.expr").contains("at character"),
        byColumn.toString());
    assertTrue(
        byColumn.getOrDefault(base + "5].generator.params.expr", "").contains("refers back")
            || byColumn.getOrDefault(base + "6].generator.params.expr", "").contains("refers back"),
        byColumn.toString());
    assertTrue(
        byColumn.get(base + "8].generator.params.expr").contains("NULL"), byColumn.toString());
    assertTrue(!byColumn.containsKey(base + "9].generator.params.expr"), byColumn.toString());
    assertTrue(
        byColumn.get(base + "10].generator.params.expr").contains("literal"), byColumn.toString());
    assertTrue(
        byColumn.get(base + "11].generator.type").contains("do not fit"), byColumn.toString());
    assertTrue(
        byColumn.get(base + "12].generator.params.expr").contains("expected ')'"),
        byColumn.toString());
    assertTrue(e.problems().stream().allMatch(p -> p.fix() != null));
  }

  @Test
  void chainsOfExpressionsThatDoubleTheirReadsAreRefusedBeforeAnyRow() {
    Column[] chain = new Column[41];
    chain[0] = col("t0", ColumnType.STRING, gen("expression", "expr", "'ab'"));
    for (int k = 1; k <= 40; k++) {
      String prev = "t" + (k - 1);
      chain[k] = col("t" + k, ColumnType.STRING, gen("expression", "expr", prev + " + " + prev));
    }
    ValidationException e = assertThrows(ValidationException.class, () -> lines(chain));
    Problem first = e.problems().get(0);
    // t8 reads 2 x (1 + 254) = 510 cells, the first over the bound of 256
    assertEquals("entities[1].columns[11].generator.params.expr", first.path(), e.getMessage());
    assertTrue(first.message().contains("at most 256"), first.message());
    // a few doublings stay allowed: t5 reads 62 cells
    CompiledPlan plan = lines(Arrays.copyOf(chain, 6));
    CompiledColumn t5 = Fixtures.column(plan, SUBJECT, "t5");
    assertEquals(64, t5.generator().stringAt(t5.key(), 0).length());
  }

  @Test
  void patternsThatMakeHugeStringsAreRefused() {
    ValidationException e =
        assertThrows(
            ValidationException.class,
            () ->
                lines(col("p", ColumnType.STRING, gen("pattern", "pattern", "a{10000}b{10000}"))));
    assertTrue(e.getMessage().contains("longer than 10000"), e.getMessage());
    CompiledPlan ok =
        lines(col("p", ColumnType.STRING, gen("pattern", "pattern", "a{5000}b{5000}")));
    CompiledColumn p = Fixtures.column(ok, SUBJECT, "p");
    assertEquals(10_000, p.generator().stringAt(p.key(), 3).length());
  }

  @Test
  void correlatedColumnsKeepTheirMarginalAndReachTheCopulaRankCorrelation() {
    Entity people =
        entity(
            "people",
            20_000,
            col("age", ColumnType.DOUBLE, gen("normal", "mean", 40, "std", 12)),
            col(
                "income",
                ColumnType.DOUBLE,
                gen(
                    "correlated",
                    "with",
                    "age",
                    "rho",
                    0.6,
                    "distribution",
                    Map.of("type", "lognormal", "params", Map.of("mu", 10, "sigma", 0.5)))),
            col(
                "visits",
                ColumnType.BIGINT,
                gen(
                    "correlated",
                    "with",
                    "age",
                    "rho",
                    -0.5,
                    "distribution",
                    Map.of("type", "poisson", "params", Map.of("lambda", 6)))));
    CompiledPlan plan = Fixtures.compile(scenario(people), 4);
    CompiledColumn age = Fixtures.column(plan, "people", "age");
    CompiledColumn income = Fixtures.column(plan, "people", "income");
    CompiledColumn visits = Fixtures.column(plan, "people", "visits");
    double[] a = new double[20_000];
    double[] b = new double[20_000];
    double[] v = new double[20_000];
    for (int r = 0; r < a.length; r++) {
      a[r] = age.generator().doubleAt(age.key(), r);
      b[r] = income.generator().doubleAt(income.key(), r);
      v[r] = visits.generator().longAt(visits.key(), r);
    }
    double expected = 6 / Math.PI * Math.asin(0.6 / 2);
    assertEquals(expected, new SpearmansCorrelation().correlation(a, b), 0.02);
    assertTrue(new SpearmansCorrelation().correlation(a, v) < -0.4);
    double median = Arrays.stream(b).sorted().toArray()[10_000];
    assertEquals(Math.exp(10), median, Math.exp(10) * 0.03, "lognormal median e^mu is kept");
  }

  @Test
  void uniqueColumnsNeverRepeatAndImpossibleUniquenessIsRefused() {
    Entity t =
        entity(
            "t",
            5000,
            new Column(
                "code",
                ColumnType.BIGINT,
                false,
                0,
                true,
                gen("uniform_int", "min", 1000, "max", 7000)),
            new Column(
                "ref",
                ColumnType.STRING,
                false,
                0,
                true,
                gen("pattern", "pattern", "R-[A-C]{2}###")),
            new Column(
                "at",
                ColumnType.TIMESTAMP,
                false,
                0,
                true,
                gen("timestamp_between", "start", "-1d", "end", "0d")));
    CompiledPlan plan = Fixtures.compile(scenario(t), 2);
    for (String name : List.of("code", "ref", "at")) {
      CompiledColumn c = Fixtures.column(plan, "t", name);
      Set<String> seen = new HashSet<>();
      for (long row = 0; row < 5000; row++) {
        assertTrue(seen.add(Fixtures.cell(c, row)), name + " repeats at row " + row);
      }
    }
    assertTrue(plan.warnings().isEmpty(), plan.warnings().toString());
    String code = Fixtures.cell(Fixtures.column(plan, "t", "code"), 0);
    assertTrue(Long.parseLong(code) >= 1000 && Long.parseLong(code) <= 7000);
    String ref = Fixtures.cell(Fixtures.column(plan, "t", "ref"), 0);
    assertTrue(ref.matches("R-[A-C]{2}[0-9]{3}"), ref);

    Scenario tooSmall =
        scenario(
            entity(
                "t",
                5000,
                new Column(
                    "code",
                    ColumnType.INT,
                    false,
                    0,
                    true,
                    gen("uniform_int", "min", 1, "max", 100)),
                new Column(
                    "ref",
                    ColumnType.STRING,
                    false,
                    0,
                    true,
                    gen("pattern", "pattern", "[A-Z]{1,3}"))));
    ValidationException e =
        assertThrows(ValidationException.class, () -> Fixtures.compile(tooSmall, 1));
    assertEquals(2, e.problems().size(), e.getMessage());
    assertTrue(e.getMessage().contains("widen the range to max >= 5000"), e.getMessage());
    assertTrue(e.getMessage().contains("fixed-length"), e.getMessage());

    Scenario warned =
        scenario(
            entity(
                "t",
                10,
                new Column(
                    "c",
                    ColumnType.STRING,
                    false,
                    0,
                    true,
                    gen("choice", "values", List.of("a", "b")))));
    assertTrue(Fixtures.compile(warned, 1).warnings().get(0).contains("does not guarantee"));
  }

  @Test
  void countsCanDeriveFromTheParentRowAndChildrenKnowTheirRank() {
    Entity impressions =
        entity(
            "impressions",
            4000,
            col("impression_id", ColumnType.BIGINT, gen("sequence")),
            col("clicked", ColumnType.BOOL, gen("expression", "expr", "chance(0.25)")));
    Entity clicks =
        new Entity(
            "clicks",
            "clicks",
            0,
            List.of(
                col(
                    "impression_id",
                    ColumnType.BIGINT,
                    gen("fk", "entity", "impressions", "column", "impression_id")),
                col("nth", ColumnType.BIGINT, gen("expression", "expr", "rank_in_parent()")),
                col(
                    "words",
                    ColumnType.BIGINT,
                    gen("lognormal", "mu", 2, "sigma", 0.5, "round", true))),
            new RowsPerParent(
                "impressions", gen("expression", "expr", "if(clicked, 2, 0)"), 0, null));
    CompiledPlan plan = Fixtures.compile(scenario(impressions, clicks), 6);
    CompiledColumn clicked = Fixtures.column(plan, "impressions", "clicked");
    long yes = 0;
    for (long r = 0; r < 4000; r++) {
      yes += clicked.generator().longAt(clicked.key(), r);
    }
    assertEquals(0.25, yes / 4000.0, 0.03);
    assertEquals(
        2 * yes, Fixtures.compiled(plan, "clicks").rows(), "two clicks per clicked impression");
    CompiledColumn nth = Fixtures.column(plan, "clicks", "nth");
    CompiledColumn fk = Fixtures.column(plan, "clicks", "impression_id");
    for (long r = 0; r < 2 * yes; r++) {
      assertEquals(r % 2, nth.generator().longAt(nth.key(), r));
      long parentRow = fk.generator().longAt(fk.key(), r) - 1;
      assertEquals(
          1,
          clicked.generator().longAt(clicked.key(), parentRow),
          "only clicked impressions have clicks");
    }
    CompiledColumn words = Fixtures.column(plan, "clicks", "words");
    assertEquals(dev.syngen.core.scenario.ValueKind.LONG, words.generator().kind());
    assertTrue(
        ((Distributed) words.generator()).law() instanceof dev.syngen.core.random.Law.Discrete);
  }
}
