package dev.syngen.core.generate.builtin;

import static dev.syngen.core.generate.builtin.Checks.num;

import dev.syngen.core.generate.Distributed;
import dev.syngen.core.generate.Generator;
import dev.syngen.core.generate.GeneratorContext;
import dev.syngen.core.generate.GeneratorFactory;
import dev.syngen.core.generate.Params;
import dev.syngen.core.random.CellRandom;
import dev.syngen.core.random.Law;
import dev.syngen.core.random.TruncatedNormalLaw;
import dev.syngen.core.scenario.ValueKind;

/**
 * Normal values kept within [min, max] by inverting the renormalised CDF (commons-math3's normal
 * inverse), so nothing is clipped and no draw is rejected.
 */
public final class TruncatedNormal implements Generator, Distributed {
  public static final GeneratorFactory FACTORY =
      GeneratorFactory.of(
          "truncated_normal",
          "normal restricted to [min, max]; params: mean, std (> 0), min and/or max",
          TruncatedNormal::create);

  private final TruncatedNormalLaw law;
  private final Law declared;

  private TruncatedNormal(TruncatedNormalLaw law, String name) {
    this.law = law;
    this.declared = new Law.Continuous(name, law);
  }

  private static Generator create(GeneratorContext ctx) {
    Params p = ctx.params();
    Double mean = p.number("mean", "50");
    Double std = p.number("std", "10");
    boolean hasMin = p.has("min");
    boolean hasMax = p.has("max");
    double min = p.number("min", "0", Double.NEGATIVE_INFINITY);
    double max = p.number("max", "100", Double.POSITIVE_INFINITY);
    boolean ok = Checks.finite(p, "mean", mean, "50") & Checks.positive(p, "std", std, "10");
    if (!hasMin && !hasMax) {
      p.problem(null, "needs min, max or both", "add e.g. min: 0 (or use normal)");
      return null;
    }
    if (!ok || !p.ok()) {
      return null;
    }
    if (!(max > min)) {
      p.problem("max", "must be greater than min (" + num(min) + ")", "make max > min");
      return null;
    }
    try {
      TruncatedNormalLaw law = new TruncatedNormalLaw(mean, std, min, max);
      return new TruncatedNormal(
          law,
          "truncated_normal(mean="
              + num(mean)
              + ", std="
              + num(std)
              + ", min="
              + num(min)
              + ", max="
              + num(max)
              + ")");
    } catch (IllegalArgumentException e) {
      p.problem("min", e.getMessage(), "move [min, max] closer to the mean");
      return null;
    }
  }

  @Override
  public ValueKind kind() {
    return ValueKind.DOUBLE;
  }

  @Override
  public double doubleAt(long key, long row) {
    return law.inverseCumulativeProbability(CellRandom.unit(key, row, 0));
  }

  @Override
  public Law law() {
    return declared;
  }
}
