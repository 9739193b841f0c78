package dev.syngen.core.generate.builtin;

import static dev.syngen.core.generate.builtin.Checks.num;

import dev.syngen.core.generate.Generator;
import dev.syngen.core.generate.GeneratorContext;
import dev.syngen.core.generate.GeneratorFactory;
import dev.syngen.core.generate.Params;
import dev.syngen.core.random.CellSampler;
import dev.syngen.core.random.Law;
import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.AhrensDieterMarsagliaTsangGammaSampler;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;

/** Beta-distributed shares in [0, 1] (conversion rates, completion ratios). */
public final class Beta extends SampledReal {
  public static final GeneratorFactory FACTORY =
      GeneratorFactory.of(
          "beta", "beta distribution on [0, 1]; params: alpha (> 0), beta (> 0)", Beta::create);

  private Beta(double alpha, double beta, boolean round) {
    super(
        CellSampler.continuous(rng -> ratio(rng, alpha, beta)),
        new Law.Continuous(
            "beta(alpha=" + num(alpha) + ", beta=" + num(beta) + ")",
            new BetaDistribution(null, alpha, beta)),
        round);
  }

  /**
   * X / (X + Y) for gamma deviates X ~ Gamma(alpha), Y ~ Gamma(beta) from commons-rng's
   * Marsaglia–Tsang sampler: an exact beta deviate, faster than Cheng's algorithm here.
   */
  private static ContinuousSampler ratio(UniformRandomProvider rng, double alpha, double beta) {
    ContinuousSampler x = AhrensDieterMarsagliaTsangGammaSampler.of(rng, alpha, 1);
    ContinuousSampler y = AhrensDieterMarsagliaTsangGammaSampler.of(rng, beta, 1);
    return () -> {
      double a = x.sample();
      return a / (a + y.sample());
    };
  }

  private static Generator create(GeneratorContext ctx) {
    Params p = ctx.params();
    Double alpha = p.number("alpha", "2");
    Double beta = p.number("beta", "5");
    boolean ok = Checks.positive(p, "alpha", alpha, "2") & Checks.positive(p, "beta", beta, "5");
    return ok ? new Beta(alpha, beta, SampledReal.rounded(p)) : null;
  }
}
