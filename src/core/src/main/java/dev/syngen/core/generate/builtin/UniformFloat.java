package dev.syngen.core.generate.builtin;

import dev.syngen.core.generate.Distributed;
import dev.syngen.core.generate.Generator;
import dev.syngen.core.generate.GeneratorFactory;
import dev.syngen.core.generate.Params;
import dev.syngen.core.random.CellRandom;
import dev.syngen.core.random.Law;
import dev.syngen.core.scenario.ValueKind;
import org.apache.commons.math3.distribution.UniformRealDistribution;

/** Real numbers uniform in [min, max). */
public final class UniformFloat implements Generator, Distributed {
  public static final GeneratorFactory FACTORY =
      GeneratorFactory.of(
          "uniform_float",
          "real number uniform in [min, max); params: min, max",
          ctx -> {
            Params p = ctx.params();
            Double min = p.number("min", "0.0");
            Double max = p.number("max", "1.0");
            if (min == null || max == null) {
              return null;
            }
            if (!(min <= max) || Double.isInfinite(max - min)) {
              p.problem("max", "must be finite and >= min (" + min + ")", "make max >= min");
              return null;
            }
            return new UniformFloat(min, max);
          });

  private final double min;
  private final double width;

  UniformFloat(double min, double max) {
    this.min = min;
    this.width = max - min;
  }

  @Override
  public ValueKind kind() {
    return ValueKind.DOUBLE;
  }

  @Override
  public double doubleAt(long key, long row) {
    return min + CellRandom.unit(key, row, 0) * width;
  }

  @Override
  public Law law() {
    double max = min + width;
    return new Law.Continuous(
        "uniform(" + Checks.num(min) + ", " + Checks.num(max) + ")",
        new UniformRealDistribution(null, min, max));
  }
}
