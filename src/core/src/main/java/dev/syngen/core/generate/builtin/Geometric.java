package dev.syngen.core.generate.builtin;

import static dev.syngen.core.generate.builtin.Checks.num;

import dev.syngen.core.generate.Generator;
import dev.syngen.core.generate.GeneratorContext;
import dev.syngen.core.generate.GeneratorFactory;
import dev.syngen.core.generate.Params;
import dev.syngen.core.random.CellSampler;
import dev.syngen.core.random.Law;
import org.apache.commons.math3.distribution.GeometricDistribution;
import org.apache.commons.rng.sampling.distribution.GeometricSampler;

/** Failures before the first success of trials with success probability p: 0, 1, 2, … */
public final class Geometric extends SampledWhole {
  public static final GeneratorFactory FACTORY =
      GeneratorFactory.of(
          "geometric",
          "failures before the first success (0, 1, 2, …); params: p (success probability, (0, 1])",
          Geometric::create);

  private Geometric(double p) {
    super(
        CellSampler.discrete(rng -> GeometricSampler.of(rng, p)),
        new Law.Discrete("geometric(p=" + num(p) + ")", new GeometricDistribution(null, p)));
  }

  private static Generator create(GeneratorContext ctx) {
    Params p = ctx.params();
    Double prob = p.number("p", "0.3");
    return Checks.probability(p, "p", prob, false, "0.3") ? new Geometric(prob) : null;
  }
}
