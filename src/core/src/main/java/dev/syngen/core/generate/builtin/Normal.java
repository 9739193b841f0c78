package dev.syngen.core.generate.builtin;

import dev.syngen.core.generate.Distributed;
import dev.syngen.core.generate.Generator;
import dev.syngen.core.generate.GeneratorFactory;
import dev.syngen.core.generate.Params;
import dev.syngen.core.random.CellRandom;
import dev.syngen.core.random.Law;
import dev.syngen.core.scenario.ValueKind;
import org.apache.commons.math3.distribution.NormalDistribution;

/** Normally distributed real numbers with the given mean and standard deviation. */
public final class Normal implements Generator, Distributed {
  public static final GeneratorFactory FACTORY =
      GeneratorFactory.of(
          "normal",
          "normal distribution; params: mean, std (>= 0)",
          ctx -> {
            Params p = ctx.params();
            Double mean = p.number("mean", "50");
            Double std = p.number("std", "10");
            if (mean == null || std == null) {
              return null;
            }
            if (!(std >= 0) || Double.isInfinite(std)) {
              p.problem("std", "must be a finite number >= 0, got " + std, "use e.g. std: 10");
              return null;
            }
            return new Normal(mean, std);
          });

  private final double mean;
  private final double std;

  Normal(double mean, double std) {
    this.mean = mean;
    this.std = std;
  }

  @Override
  public ValueKind kind() {
    return ValueKind.DOUBLE;
  }

  @Override
  public double doubleAt(long key, long row) {
    return mean + std * CellRandom.gaussian(key, row, 0);
  }

  @Override
  public Law law() {
    return new Law.Continuous(
        "normal(mean=" + Checks.num(mean) + ", std=" + Checks.num(std) + ")",
        new NormalDistribution(null, mean, Math.max(std, Double.MIN_NORMAL)));
  }
}
