package dev.syngen.core.generate;

import static dev.syngen.core.Fixtures.cell;
import static dev.syngen.core.Fixtures.col;
import static dev.syngen.core.Fixtures.entity;
import static dev.syngen.core.Fixtures.gen;
import static dev.syngen.core.Fixtures.scenario;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.syngen.core.Fixtures;
import dev.syngen.core.engine.RowBatch;
import dev.syngen.core.plan.CompiledColumn;
import dev.syngen.core.plan.CompiledEntity;
import dev.syngen.core.plan.CompiledPlan;
import dev.syngen.core.scenario.Column;
import dev.syngen.core.scenario.ColumnType;
import dev.syngen.core.scenario.Entity;
import dev.syngen.core.scenario.GeneratorSpec;
import dev.syngen.core.scenario.RowsPerParent;
import dev.syngen.core.scenario.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rule every generator must keep: a cell is a pure function of (seed, entity, column, row). The
 * same seed gives the same values in any order, on any thread, in any batch split; another seed
 * gives other values.
 */
class BuiltinGeneratorsDeterminismTest {
  private static final int ROWS = 1000;

  /**
   * A use of a generator: the column's type and generator, other columns it reads, and whether the
   * subject entity declares 20 rows per parent row (50 parents, so still 1000 rows).
   */
  private record Spec(
      ColumnType type, GeneratorSpec generator, List<Column> siblings, boolean perParent) {
    Spec(ColumnType type, GeneratorSpec generator) {
      this(type, generator, List.of(), false);
    }
  }

  /** A valid use of every built-in generator; a new built-in must be added here. */
  private static final Map<String, Spec> SPECS = specs();

  /** Generators whose values do not depend on the seed by design. */
  private static final List<String> SEED_FREE = List.of("const", "sequence");

  private static Map<String, Spec> specs() {
    Map<String, Spec> m = new TreeMap<>();
    m.put("const", new Spec(ColumnType.STRING, gen("const", "value", "fixed")));
    m.put("uuid4", new Spec(ColumnType.UUID, gen("uuid4")));
    m.put("uniform_int", new Spec(ColumnType.INT, gen("uniform_int", "min", -50, "max", 50)));
    m.put(
        "uniform_float",
        new Spec(ColumnType.DOUBLE, gen("uniform_float", "min", 0.5, "max", 99.5)));
    m.put("normal", new Spec(ColumnType.DOUBLE, gen("normal", "mean", 10, "std", 2.5)));
    m.put(
        "choice",
        new Spec(
            ColumnType.STRING,
            gen("choice", "values", List.of("a", "b", "c"), "weights", List.of(5, 3, 2))));
    m.put(
        "time_series",
        new Spec(
            ColumnType.TIMESTAMP,
            gen("time_series", "start", "-7d", "step", "1m", "jitter_seconds", 20)));
    m.put("fk", new Spec(ColumnType.UUID, gen("fk", "entity", "parent", "column", "id")));
    m.put("sequence", new Spec(ColumnType.BIGINT, gen("sequence", "start", 10, "step", 3)));
    m.put("bool", new Spec(ColumnType.BOOL, gen("bool", "p", 0.3)));
    m.put(
        "date_between",
        new Spec(ColumnType.DATE, gen("date_between", "start", "-365d", "end", "0d")));
    m.put(
        "timestamp_between",
        new Spec(
            ColumnType.TIMESTAMP,
            gen("timestamp_between", "start", "2025-01-01T00:00:00Z", "end", "-1d")));
    m.put("pattern", new Spec(ColumnType.STRING, gen("pattern", "pattern", "[A-Z]{2,4}-###")));
    m.put("lognormal", new Spec(ColumnType.DOUBLE, gen("lognormal", "mu", 3, "sigma", 0.7)));
    m.put("exponential", new Spec(ColumnType.DOUBLE, gen("exponential", "rate", 0.25)));
    m.put("poisson", new Spec(ColumnType.BIGINT, gen("poisson", "lambda", 60)));
    m.put("geometric", new Spec(ColumnType.INT, gen("geometric", "p", 0.2)));
    m.put("binomial", new Spec(ColumnType.INT, gen("binomial", "n", 40, "p", 0.3)));
    m.put("zipf", new Spec(ColumnType.INT, gen("zipf", "alpha", 1.3, "max", 500)));
    m.put(
        "power_law",
        new Spec(ColumnType.BIGINT, gen("power_law", "alpha", 1.8, "min", 1, "max", 100_000)));
    m.put("pareto", new Spec(ColumnType.DOUBLE, gen("pareto", "min", 2, "alpha", 1.5)));
    m.put("beta", new Spec(ColumnType.DOUBLE, gen("beta", "alpha", 2, "beta", 5)));
    m.put("gamma", new Spec(ColumnType.DOUBLE, gen("gamma", "shape", 0.7, "scale", 3)));
    m.put(
        "truncated_normal",
        new Spec(
            ColumnType.DOUBLE, gen("truncated_normal", "mean", 10, "std", 5, "min", 0, "max", 30)));
    m.put(
        "empirical",
        new Spec(
            ColumnType.DOUBLE,
            gen("empirical", "quantiles", Map.of(0, 1.0, 0.5, 20.0, 0.9, 75.0, 1, 300.0))));
    Column qty = col("qty", ColumnType.INT, gen("uniform_int", "min", 1, "max", 9));
    Column price = col("price", ColumnType.DOUBLE, gen("lognormal", "mu", 2, "sigma", 0.4));
    m.put(
        "expression",
        new Spec(
            ColumnType.DOUBLE,
            gen(
                "expression",
                "expr",
                "qty > 5 ? round(qty * price, 2) : lognormal(1, 0.5) + price"),
            List.of(qty, price),
            false));
    m.put(
        "correlated",
        new Spec(
            ColumnType.DOUBLE,
            gen(
                "correlated",
                "with",
                "price",
                "rho",
                0.7,
                "distribution",
                Map.of("type", "gamma", "params", Map.of("shape", 2, "scale", 3))),
            List.of(price),
            false));
    m.put(
        "mixture",
        new Spec(
            ColumnType.DOUBLE,
            gen(
                "mixture",
                "latent",
                "segment",
                "weights",
                List.of(0.6, 0.4),
                "components",
                List.of(
                    Map.of("type", "normal", "params", Map.of("mean", 10, "std", 2)),
                    Map.of("type", "lognormal", "params", Map.of("mu", 4, "sigma", 0.3))))));
    m.put(
        "poisson_process",
        new Spec(
            ColumnType.TIMESTAMP,
            gen(
                "poisson_process",
                "start",
                "-30d",
                "end",
                "0d",
                "hourly",
                "diurnal",
                "weekday",
                "workweek",
                "burst",
                0.5),
            List.of(),
            true));
    m.put(
        "random_walk",
        new Spec(
            ColumnType.DOUBLE, gen("random_walk", "start", 10, "step_std", 2), List.of(), true));
    m.put(
        "gbm",
        new Spec(
            ColumnType.DOUBLE,
            gen("gbm", "start", 100, "mu", 0.001, "sigma", 0.02),
            List.of(),
            false));
    m.put(
        "garch",
        new Spec(
            ColumnType.DOUBLE,
            gen("garch", "start", 50, "omega", 0.00001, "alpha", 0.1, "beta", 0.85),
            List.of(),
            true));
    m.put(
        "seasonal",
        new Spec(
            ColumnType.DOUBLE,
            gen(
                "seasonal",
                "level",
                20,
                "daily_amplitude",
                4,
                "weekly_amplitude",
                1,
                "noise_std",
                0.5,
                "start",
                "-7d",
                "step",
                "10m"),
            List.of(),
            true));
    m.put(
        "faker",
        new Spec(
            ColumnType.STRING,
            gen(
                "faker",
                "expression",
                "#{Name.firstName} #{numerify 'Ø##'} #{Address.city}",
                "locale",
                "de")));
    m.put(
        "regex",
        new Spec(
            ColumnType.STRING,
            gen("regex", "pattern", "^[A-Z]{3}-\\d{4}(-[a-z]+)?$", "max_length", 14)));
    m.put(
        "json_object",
        new Spec(
            ColumnType.JSON,
            gen(
                "json_object",
                "properties",
                List.of(
                    Map.of(
                        "name",
                        "n",
                        "type",
                        "int",
                        "generator",
                        Map.of("type", "uniform_int", "params", Map.of("min", 1, "max", 99))),
                    Map.of(
                        "name",
                        "at",
                        "type",
                        "timestamp",
                        "absent_rate",
                        0.3,
                        "generator",
                        Map.of(
                            "type",
                            "timestamp_between",
                            "params",
                            Map.of("start", "-7d", "end", "0d")))))));
    m.put(
        "json_array",
        new Spec(
            ColumnType.JSON,
            gen(
                "json_array",
                "items",
                Map.of("type", "uuid", "generator", "uuid4"),
                "min_items",
                1,
                "max_items",
                4,
                "unique_items",
                true)));
    for (GeneratorFactory f : GeneratorRegistry.builtins().all()) {
      if (f.name().startsWith("faker_")) {
        m.put(f.name(), new Spec(ColumnType.STRING, gen(f.name())));
      }
    }
    return m;
  }

  /**
   * Every built-in a scenario can name. The lifecycle generators only exist in the entities a
   * lifecycle derives; their determinism across orders, batch sizes and seeds is tested there
   * (LifecycleHistoryTest in syngen-io).
   */
  static Stream<String> builtinNames() {
    return GeneratorRegistry.builtins().all().stream()
        .map(GeneratorFactory::name)
        .filter(
            n ->
                dev.syngen.core.lifecycle.LifecycleGenerators.FACTORIES.stream()
                    .noneMatch(f -> f.name().equals(n)));
  }

  @Test
  void everyBuiltinIsCovered() {
    List<String> missing = builtinNames().filter(n -> !SPECS.containsKey(n)).toList();
    assertTrue(missing.isEmpty(), "add a spec for the new built-in generators " + missing);
  }

  @ParameterizedTest
  @MethodSource("builtinNames")
  void sameSeedSameValuesInAnyOrderAndSplit(String name) {
    List<String> forward = forward(name, 1);
    assertEquals(ROWS, forward.size());
    assertTrue(forward.stream().allMatch(v -> v != null), name + " produced a null value");
    assertEquals(forward, forward(name, 1), name + ": a second compile changed the values");
    assertEquals(forward, reversed(name, 1), name + ": reverse row order changed the values");
    assertEquals(forward, parallel(name, 1), name + ": computing on many threads changed values");
    assertEquals(forward, batched(name, 1, ROWS), name + ": one batch differs from direct cells");
    assertEquals(forward, batched(name, 1, 7), name + ": 7-row batches differ");
    assertEquals(forward, batched(name, 1, 333), name + ": 333-row batches differ");
  }

  /** choice of numbers fills through its own loop for longs, as choice of words does for text. */
  @Test
  void aChoiceOfNumbersFillsBatchesAsItsCells() {
    Spec words = SPECS.get("choice");
    try {
      SPECS.put(
          "choice",
          new Spec(
              ColumnType.INT,
              gen("choice", "values", List.of(7, 11, 13), "weights", List.of(5, 3, 2))));
      List<String> forward = forward("choice", 1);
      assertTrue(forward.contains("11"), forward.subList(0, 5).toString());
      assertEquals(forward, batched("choice", 1, 7), "7-row batches differ");
      assertEquals(forward, batched("choice", 1, 333), "333-row batches differ");
    } finally {
      SPECS.put("choice", words);
    }
  }

  @ParameterizedTest
  @MethodSource("builtinNames")
  void differentSeedDifferentValues(String name) {
    List<String> one = forward(name, 1);
    List<String> two = forward(name, 2);
    if (SEED_FREE.contains(name)) {
      assertEquals(one, two, name + " should not depend on the seed");
    } else {
      assertNotEquals(one, two, name + " ignores the seed");
    }
  }

  private static CompiledColumn subject(String name, long seed) {
    CompiledPlan plan = Fixtures.compile(scenarioFor(name), seed);
    return Fixtures.column(plan, "subject", "value");
  }

  private static CompiledEntity subjectEntity(String name, long seed) {
    return Fixtures.compiled(Fixtures.compile(scenarioFor(name), seed), "subject");
  }

  private static Scenario scenarioFor(String name) {
    Spec spec = SPECS.get(name);
    List<Column> columns = new ArrayList<>(spec.siblings());
    columns.add(col("value", spec.type(), spec.generator()));
    Entity subject =
        spec.perParent()
            ? new Entity(
                "subject",
                "subject",
                0,
                columns,
                new RowsPerParent("parent", gen("const", "value", ROWS / 50), 0, null))
            : new Entity("subject", "subject", ROWS, columns);
    return scenario(entity("parent", 50, col("id", ColumnType.UUID, gen("uuid4"))), subject);
  }

  private static List<String> forward(String name, long seed) {
    CompiledColumn c = subject(name, seed);
    List<String> out = new ArrayList<>();
    for (int row = 0; row < ROWS; row++) {
      out.add(cell(c, row));
    }
    return out;
  }

  private static List<String> reversed(String name, long seed) {
    CompiledColumn c = subject(name, seed);
    String[] out = new String[ROWS];
    for (int row = ROWS - 1; row >= 0; row--) {
      out[row] = cell(c, row);
    }
    return List.of(out);
  }

  private static List<String> parallel(String name, long seed) {
    CompiledColumn c = subject(name, seed);
    return IntStream.range(0, ROWS).parallel().mapToObj(row -> cell(c, row)).toList();
  }

  private static List<String> batched(String name, long seed, int batchSize) {
    CompiledEntity e = subjectEntity(name, seed);
    RowBatch batch = new RowBatch(e, batchSize);
    List<String> out = new ArrayList<>();
    for (int first = 0; first < ROWS; first += batchSize) {
      int n = Math.min(batchSize, ROWS - first);
      batch.fill(first, n);
      assertEquals(first, batch.firstRow());
      assertEquals(n, batch.size());
      int value = e.columns().size() - 1;
      for (int i = 0; i < n; i++) {
        out.add(cell(batch.column(value), i));
      }
    }
    return out;
  }
}
