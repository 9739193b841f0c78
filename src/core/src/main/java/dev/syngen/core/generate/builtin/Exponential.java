package dev.syngen.core.generate.builtin;

import static dev.syngen.core.generate.builtin.Checks.num;

import dev.syngen.core.generate.Generator;
import dev.syngen.core.generate.GeneratorContext;
import dev.syngen.core.generate.GeneratorFactory;
import dev.syngen.core.generate.Params;
import dev.syngen.core.random.CellSampler;
import dev.syngen.core.random.Law;
import org.apache.commons.math3.distribution.ExponentialDistribution;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/** Exponential waiting times, given either a rate (events per unit) or a mean (= 1 / rate). */
public final class Exponential extends SampledReal {
  public static final GeneratorFactory FACTORY =
      GeneratorFactory.of(
          "exponential",
          "exponential waiting times; params: rate (> 0) or mean (> 0)",
          Exponential::create);

  private Exponential(double mean, boolean round) {
    super(
        CellSampler.continuous(rng -> ZigguratSampler.Exponential.of(rng, mean)),
        new Law.Continuous(
            "exponential(mean=" + num(mean) + ")", new ExponentialDistribution(null, mean)),
        round);
  }

  private static Generator create(GeneratorContext ctx) {
    Params p = ctx.params();
    boolean hasRate = p.has("rate");
    boolean hasMean = p.has("mean");
    if (hasRate == hasMean) {
      p.problem(
          hasRate ? "mean" : null,
          hasRate ? "rate and mean are both set" : "needs rate or mean",
          "set exactly one of rate (events per unit, e.g. 0.5) or mean (e.g. 2.0)");
      return null;
    }
    String name = hasRate ? "rate" : "mean";
    Double v = p.number(name, "0.5");
    if (!Checks.positive(p, name, v, "0.5")) {
      return null;
    }
    return new Exponential(hasRate ? 1 / v : v, SampledReal.rounded(p));
  }
}
