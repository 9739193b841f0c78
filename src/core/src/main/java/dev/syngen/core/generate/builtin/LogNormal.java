package dev.syngen.core.generate.builtin;

import static dev.syngen.core.generate.builtin.Checks.num;

import dev.syngen.core.generate.Generator;
import dev.syngen.core.generate.GeneratorContext;
import dev.syngen.core.generate.GeneratorFactory;
import dev.syngen.core.generate.Params;
import dev.syngen.core.random.CellSampler;
import dev.syngen.core.random.Law;
import org.apache.commons.math3.distribution.LogNormalDistribution;
import org.apache.commons.rng.sampling.distribution.LogNormalSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/** Log-normal values: ln(x) is normal with mean mu and standard deviation sigma. */
public final class LogNormal extends SampledReal {
  public static final GeneratorFactory FACTORY =
      GeneratorFactory.of(
          "lognormal",
          "log-normal: ln(x) ~ normal(mu, sigma); params: mu, sigma (> 0)",
          LogNormal::create);

  private LogNormal(double mu, double sigma, boolean round) {
    super(
        CellSampler.continuous(
            rng -> LogNormalSampler.of(ZigguratSampler.NormalizedGaussian.of(rng), mu, sigma)),
        new Law.Continuous(
            "lognormal(mu=" + num(mu) + ", sigma=" + num(sigma) + ")",
            new LogNormalDistribution(null, mu, sigma)),
        round);
  }

  private static Generator create(GeneratorContext ctx) {
    Params p = ctx.params();
    Double mu = p.number("mu", "3.0");
    Double sigma = p.number("sigma", "0.6");
    boolean ok = Checks.finite(p, "mu", mu, "3.0") & Checks.positive(p, "sigma", sigma, "0.6");
    return ok ? new LogNormal(mu, sigma, SampledReal.rounded(p)) : null;
  }
}
