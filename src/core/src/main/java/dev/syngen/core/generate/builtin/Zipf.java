package dev.syngen.core.generate.builtin;

import static dev.syngen.core.generate.builtin.Checks.num;

import dev.syngen.core.generate.Generator;
import dev.syngen.core.generate.GeneratorContext;
import dev.syngen.core.generate.GeneratorFactory;
import dev.syngen.core.generate.Params;
import dev.syngen.core.random.CellSampler;
import dev.syngen.core.random.CellUniformProvider;
import dev.syngen.core.random.Law;
import dev.syngen.core.random.ZipfLaw;
import org.apache.commons.rng.sampling.distribution.AliasMethodDiscreteSampler;
import org.apache.commons.rng.sampling.distribution.RejectionInversionZipfSampler;
import org.apache.commons.rng.sampling.distribution.SharedStateDiscreteSampler;

/**
 * Whole numbers in [min, max] following Zipf's law (a discrete power law): value {@code min + k}
 * has probability proportional to {@code (k + 1)^-alpha}. Registered as {@code zipf} and {@code
 * power_law}.
 */
public final class Zipf extends SampledWhole {
  private static final int TABLE_LIMIT = 1 << 17;

  public static final GeneratorFactory ZIPF =
      GeneratorFactory.of(
          "zipf",
          "Zipf / discrete power law over [min, max]; params: alpha (> 0), min (default 1), max",
          ctx -> create(ctx, "zipf"));
  public static final GeneratorFactory POWER_LAW =
      GeneratorFactory.of(
          "power_law",
          "same as zipf: P(min + k) ∝ (k + 1)^-alpha; params: alpha (> 0), min (default 1), max",
          ctx -> create(ctx, "power_law"));

  private Zipf(String name, int min, int max, double alpha) {
    this(name, min, max, alpha, new ZipfLaw(min, max, alpha));
  }

  private Zipf(String name, int min, int max, double alpha, ZipfLaw law) {
    super(
        sampler(min, max, alpha, law),
        new Law.Discrete(
            name + "(alpha=" + num(alpha) + ", min=" + min + ", max=" + max + ")", law));
  }

  /**
   * An alias table (commons-rng, O(1) per value) for up to 2^17 values, built once and shared by
   * threads; rejection-inversion beyond, which needs no table.
   */
  private static CellSampler sampler(int min, int max, double alpha, ZipfLaw law) {
    int n = max - min + 1;
    if (n <= TABLE_LIMIT) {
      double[] p = new double[n];
      for (int k = 0; k < n; k++) {
        p[k] = law.probability(min + k);
      }
      SharedStateDiscreteSampler table =
          AliasMethodDiscreteSampler.of(new CellUniformProvider(), p);
      return CellSampler.shared(new Offset(table, min));
    }
    return CellSampler.discrete(
        rng -> {
          var zipf = RejectionInversionZipfSampler.of(rng, n, alpha);
          return () -> min - 1 + zipf.sample();
        });
  }

  /** Table index k as the value min + k. */
  private record Offset(SharedStateDiscreteSampler table, int min)
      implements SharedStateDiscreteSampler {
    @Override
    public int sample() {
      return min + table.sample();
    }

    @Override
    public SharedStateDiscreteSampler withUniformRandomProvider(
        org.apache.commons.rng.UniformRandomProvider rng) {
      return new Offset(table.withUniformRandomProvider(rng), min);
    }
  }

  private static Generator create(GeneratorContext ctx, String name) {
    Params p = ctx.params();
    Double alpha = p.number("alpha", "1.8");
    long min = p.whole("min", "1", 1);
    Long max = p.whole("max", "10000");
    if (!Checks.positive(p, "alpha", alpha, "1.8") || max == null) {
      return null;
    }
    if (max < min
        || min < Integer.MIN_VALUE
        || max > Integer.MAX_VALUE
        || max - min >= Integer.MAX_VALUE) {
      p.problem(
          "max",
          "must be >= min, both 32-bit, at most 2^31-1 values apart; got ["
              + min
              + ", "
              + max
              + "]",
          "use e.g. min: 1, max: 10000");
      return null;
    }
    return new Zipf(name, (int) min, max.intValue(), alpha);
  }
}
