package dev.syngen.core.generate.builtin;

import static dev.syngen.core.generate.builtin.Checks.num;

import dev.syngen.core.generate.Generator;
import dev.syngen.core.generate.GeneratorContext;
import dev.syngen.core.generate.GeneratorFactory;
import dev.syngen.core.generate.Params;
import dev.syngen.core.random.CellSampler;
import dev.syngen.core.random.Law;
import dev.syngen.core.random.TruncatedParetoLaw;
import org.apache.commons.math3.distribution.ParetoDistribution;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * Pareto values: at least min, with a power-law tail of index alpha; with {@code max}, the law is
 * truncated to [min, max] (sampled exactly by its inverse CDF).
 */
public final class Pareto extends SampledReal {
  public static final GeneratorFactory FACTORY =
      GeneratorFactory.of(
          "pareto",
          "Pareto (power-law tail); params: min (scale x_m, > 0), alpha (tail index, > 0),"
              + " max (optional: truncated at max, > min)",
          Pareto::create);

  private Pareto(double min, double alpha, boolean round) {
    super(
        CellSampler.continuous(rng -> scaledExponential(rng, min, alpha)),
        new Law.Continuous(
            "pareto(min=" + num(min) + ", alpha=" + num(alpha) + ")",
            new ParetoDistribution(null, min, alpha)),
        round);
  }

  /**
   * min · e^(E / alpha) for E ~ Exp(1) from commons-rng's ziggurat sampler: exactly Pareto, and
   * cheaper than the library's inverse-transform sampler, which needs a pow per value.
   */
  private static ContinuousSampler scaledExponential(
      UniformRandomProvider rng, double min, double alpha) {
    ContinuousSampler e = ZigguratSampler.Exponential.of(rng);
    return () -> min * Math.exp(e.sample() / alpha);
  }

  private Pareto(TruncatedParetoLaw law, String name, boolean round) {
    super(
        CellSampler.continuous(rng -> () -> law.at(rng.nextDouble())),
        new Law.Continuous(name, law),
        round);
  }

  private static Generator create(GeneratorContext ctx) {
    Params p = ctx.params();
    Double min = p.number("min", "1.0");
    Double alpha = p.number("alpha", "1.16");
    boolean ok = Checks.positive(p, "min", min, "1.0") & Checks.positive(p, "alpha", alpha, "1.16");
    if (!p.has("max")) {
      return ok ? new Pareto(min, alpha, SampledReal.rounded(p)) : null;
    }
    Double max = p.number("max", "10000");
    if (ok && max != null && !(max > min && !Double.isInfinite(max))) {
      p.problem(
          "max", "must be a finite number > min (" + num(min) + "), got " + max, "max: 10000");
      return null;
    }
    if (!ok || max == null) {
      return null;
    }
    String name = "pareto(min=" + num(min) + ", alpha=" + num(alpha) + ", max=" + num(max) + ")";
    return new Pareto(new TruncatedParetoLaw(min, max, alpha), name, SampledReal.rounded(p));
  }
}
