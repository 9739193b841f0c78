package dev.syngen.core.generate.builtin;

import static dev.syngen.core.generate.builtin.Checks.num;

import dev.syngen.core.generate.Generator;
import dev.syngen.core.generate.GeneratorContext;
import dev.syngen.core.generate.GeneratorFactory;
import dev.syngen.core.generate.Params;
import dev.syngen.core.random.CellSampler;
import dev.syngen.core.random.Law;
import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.rng.sampling.distribution.AhrensDieterMarsagliaTsangGammaSampler;

/** Gamma-distributed positive values with a shape and a scale (mean = shape × scale). */
public final class Gamma extends SampledReal {
  public static final GeneratorFactory FACTORY =
      GeneratorFactory.of(
          "gamma", "gamma distribution; params: shape (> 0), scale (> 0)", Gamma::create);

  private Gamma(double shape, double scale, boolean round) {
    super(
        CellSampler.continuous(rng -> AhrensDieterMarsagliaTsangGammaSampler.of(rng, shape, scale)),
        new Law.Continuous(
            "gamma(shape=" + num(shape) + ", scale=" + num(scale) + ")",
            new GammaDistribution(null, shape, scale)),
        round);
  }

  private static Generator create(GeneratorContext ctx) {
    Params p = ctx.params();
    Double shape = p.number("shape", "2");
    Double scale = p.number("scale", "1.5");
    boolean ok =
        Checks.positive(p, "shape", shape, "2") & Checks.positive(p, "scale", scale, "1.5");
    return ok ? new Gamma(shape, scale, SampledReal.rounded(p)) : null;
  }
}
