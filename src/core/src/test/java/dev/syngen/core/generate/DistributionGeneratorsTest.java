package dev.syngen.core.generate;

import static dev.syngen.core.Fixtures.col;
import static dev.syngen.core.Fixtures.entity;
import static dev.syngen.core.Fixtures.gen;
import static dev.syngen.core.Fixtures.scenario;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.syngen.core.Fixtures;
import dev.syngen.core.plan.CompiledColumn;
import dev.syngen.core.problem.Problem;
import dev.syngen.core.problem.ValidationException;
import dev.syngen.core.random.Law;
import dev.syngen.core.scenario.ColumnType;
import dev.syngen.core.scenario.GeneratorSpec;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.distribution.IntegerDistribution;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The distribution generators produce the laws they declare, and refuse bad parameters. */
class DistributionGeneratorsTest {
  private static final int N = 20_000;

  private static CompiledColumn single(ColumnType type, GeneratorSpec g) {
    return Fixtures.column(
        Fixtures.compile(scenario(entity("t", N, col("v", type, g))), 11), "t", "v");
  }

  static List<GeneratorSpec> continuous() {
    return List.of(
        gen("lognormal", "mu", 3, "sigma", 0.7),
        gen("exponential", "mean", 4),
        gen("exponential", "rate", 0.25),
        gen("pareto", "min", 2, "alpha", 1.5),
        gen("pareto", "min", 6.6, "alpha", 0.8, "max", 9999),
        gen("pareto", "min", 21, "alpha", 1.5, "max", 256),
        gen("beta", "alpha", 2, "beta", 5),
        gen("gamma", "shape", 0.7, "scale", 3),
        gen("gamma", "shape", 9, "scale", 0.5),
        gen("truncated_normal", "mean", 10, "std", 5, "min", 0, "max", 30),
        gen("truncated_normal", "mean", 0, "std", 1, "min", 1.5),
        gen("empirical", "quantiles", Map.of(0, 1.0, 0.5, 20.0, 0.9, 75.0, 1, 300.0)),
        gen("empirical", "edges", List.of(0, 10, 100, 1000), "weights", List.of(6, 3, 1)),
        gen(
            "empirical",
            "quantiles",
            Map.of(0, 1.14, 0.01, 2.01, 0.05, 2.01, 0.1, 2.01, 0.5, 22.7, 1, 163.25)),
        gen("normal", "mean", 5, "std", 2),
        gen("uniform_float", "min", -1, "max", 3));
  }

  @ParameterizedTest
  @MethodSource("continuous")
  void continuousValuesPassKolmogorovSmirnovAgainstTheirOwnLaw(GeneratorSpec spec) {
    CompiledColumn c = single(ColumnType.DOUBLE, spec);
    Law.Continuous law =
        assertInstanceOf(Law.Continuous.class, ((Distributed) c.generator()).law());
    double[] x = new double[N];
    for (int row = 0; row < N; row++) {
      x[row] = c.generator().doubleAt(c.key(), row);
    }
    double d = new KolmogorovSmirnovTest().kolmogorovSmirnovStatistic(law.distribution(), x);
    // 1.95 / sqrt(n) is the 0.1% critical value: a correct sampler stays below it
    assertTrue(d < 1.95 / Math.sqrt(N), spec + ": KS distance " + d + " for " + law.name());
  }

  static List<GeneratorSpec> discrete() {
    return List.of(
        gen("poisson", "lambda", 3.5),
        gen("poisson", "lambda", 250),
        gen("geometric", "p", 0.2),
        gen("geometric", "p", 0.3, "min", 3, "max", 20),
        gen("geometric", "p", 0.4, "min", 5),
        gen("pareto", "min", 10000, "alpha", 1.5, "max", 200000, "round", true),
        gen("binomial", "n", 40, "p", 0.3),
        gen("binomial", "n", 200_000, "p", 0.5),
        gen("zipf", "alpha", 1.3, "max", 500),
        gen("power_law", "alpha", 1.8, "min", 5, "max", 1_000_000),
        gen("uniform_int", "min", -3, "max", 9));
  }

  @ParameterizedTest
  @MethodSource("discrete")
  void discreteValuesMatchTheirLawsCumulativeShares(GeneratorSpec spec) {
    CompiledColumn c = single(ColumnType.BIGINT, spec);
    Law.Discrete law = assertInstanceOf(Law.Discrete.class, ((Distributed) c.generator()).law());
    IntegerDistribution d = law.distribution();
    long[] values = new long[N];
    for (int row = 0; row < N; row++) {
      values[row] = c.generator().longAt(c.key(), row);
      assertTrue(
          values[row] >= d.getSupportLowerBound() && values[row] <= d.getSupportUpperBound());
    }
    for (double p : new double[] {0.1, 0.25, 0.5, 0.75, 0.9, 0.99}) {
      int q = d.inverseCumulativeProbability(p);
      long atMost = java.util.Arrays.stream(values).filter(v -> v <= q).count();
      double expected = d.cumulativeProbability(q);
      double sd = Math.sqrt(expected * (1 - expected) / N);
      assertEquals(expected, atMost / (double) N, 5 * sd + 1e-9, spec + " share <= " + q);
    }
  }

  @Test
  void empiricalOnWholeNumberColumnsGivesWholeNumbersWithinTheQuantiles() {
    CompiledColumn c =
        single(ColumnType.INT, gen("empirical", "quantiles", Map.of(0, 1, 0.5, 1, 0.8, 3, 1, 9)));
    long ones = 0;
    for (int row = 0; row < N; row++) {
      long v = c.generator().longAt(c.key(), row);
      assertTrue(v >= 1 && v <= 9, "value " + v);
      ones += v == 1 ? 1 : 0;
    }
    assertEquals(0.5, ones / (double) N, 0.02, "half the values are the median 1");
  }

  @Test
  void badParametersAreReportedTogetherWithPathsAndFixes() {
    ValidationException e =
        assertThrows(
            ValidationException.class,
            () ->
                Fixtures.compile(
                    scenario(
                        entity(
                            "t",
                            10,
                            col("a", ColumnType.DOUBLE, gen("lognormal", "mu", 1, "sigma", -1)),
                            col("b", ColumnType.DOUBLE, gen("exponential", "rate", 1, "mean", 1)),
                            col("c", ColumnType.INT, gen("zipf", "alpha", 1.2, "min", 9, "max", 3)),
                            col(
                                "d",
                                ColumnType.DOUBLE,
                                gen("empirical", "quantiles", Map.of(0.5, 3))),
                            col(
                                "e",
                                ColumnType.DOUBLE,
                                gen("truncated_normal", "mean", 0, "std", 1)),
                            col("f", ColumnType.INT, gen("binomial", "n", 10, "p", 1.5)),
                            col("g", ColumnType.DOUBLE, gen("beta", "alpha", 0, "beta", 2)),
                            col("h", ColumnType.INT, gen("poisson", "lambda", 3)))),
                    1));
    List<String> paths = e.problems().stream().map(Problem::path).toList();
    String base = "entities[0].columns[";
    assertTrue(paths.contains(base + "0].generator.params.sigma"), paths.toString());
    assertTrue(paths.contains(base + "1].generator.params.mean"), paths.toString());
    assertTrue(paths.contains(base + "2].generator.params.max"), paths.toString());
    assertTrue(paths.contains(base + "3].generator.params.quantiles"), paths.toString());
    assertTrue(paths.contains(base + "4].generator.params"), paths.toString());
    assertTrue(paths.contains(base + "5].generator.params.p"), paths.toString());
    assertTrue(paths.contains(base + "6].generator.params.alpha"), paths.toString());
    assertEquals(7, e.problems().size(), e.getMessage());
    assertTrue(e.problems().stream().allMatch(p -> p.fix() != null), e.getMessage());
  }
}
