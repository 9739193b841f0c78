package dev.syngen.core.generate.builtin;

import static dev.syngen.core.generate.builtin.Checks.num;

import dev.syngen.core.generate.Distributed;
import dev.syngen.core.generate.Generator;
import dev.syngen.core.generate.GeneratorContext;
import dev.syngen.core.generate.GeneratorFactory;
import dev.syngen.core.generate.Params;
import dev.syngen.core.random.CellRandom;
import dev.syngen.core.random.CellSampler;
import dev.syngen.core.random.Law;
import dev.syngen.core.random.RoundedLaw;
import dev.syngen.core.random.TruncatedNormalLaw;
import dev.syngen.core.scenario.ValueKind;
import org.apache.commons.rng.sampling.distribution.GaussianSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * Normal values kept within [min, max], exactly, nothing clipped: when the interval holds most of
 * the mass, by drawing commons-rng ziggurat normals until one falls inside (rejection, under two
 * tries on average); else by inverting the renormalised CDF with commons-math3's normal inverse.
 */
public final class TruncatedNormal implements Generator, Distributed {
  public static final GeneratorFactory FACTORY =
      GeneratorFactory.of(
          "truncated_normal",
          "normal restricted to [min, max]; params: mean, std (> 0), min and/or max, round",
          TruncatedNormal::create);

  private static final double REJECTION_MASS = 0.5;
  private final TruncatedNormalLaw law;
  private final Law declared;
  private final CellSampler normal; // null: invert the CDF
  private final double min;
  private final double max;
  private final boolean round;

  private TruncatedNormal(
      TruncatedNormalLaw law,
      String name,
      double mean,
      double std,
      double min,
      double max,
      double mass,
      boolean round) {
    this.law = law;
    this.round = round;
    this.declared =
        round
            ? new Law.Discrete(name + " rounded", new RoundedLaw(law))
            : new Law.Continuous(name, law);
    this.min = min;
    this.max = max;
    this.normal =
        mass >= REJECTION_MASS
            ? CellSampler.continuous(
                rng -> GaussianSampler.of(ZigguratSampler.NormalizedGaussian.of(rng), mean, std))
            : null;
  }

  private static Generator create(GeneratorContext ctx) {
    Params p = ctx.params();
    Double mean = p.number("mean", "50");
    Double std = p.number("std", "10");
    boolean round = SampledReal.rounded(p);
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
      double mass = law.mass();
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
              + ")",
          mean,
          std,
          min,
          max,
          mass,
          round);
    } catch (IllegalArgumentException e) {
      p.problem("min", e.getMessage(), "move [min, max] closer to the mean");
      return null;
    }
  }

  @Override
  public ValueKind kind() {
    return round ? ValueKind.LONG : ValueKind.DOUBLE;
  }

  @Override
  public long longAt(long key, long row) {
    return Math.round(doubleAt(key, row));
  }

  @Override
  public double doubleAt(long key, long row) {
    if (normal == null) {
      return law.inverseCumulativeProbability(CellRandom.unit(key, row, 0));
    }
    return normal.inside(key, row, min, max);
  }

  @Override
  public Law law() {
    return declared;
  }
}
