package dev.syngen.core.generate.builtin;

import static dev.syngen.core.generate.builtin.Checks.num;

import dev.syngen.core.generate.Generator;
import dev.syngen.core.generate.GeneratorContext;
import dev.syngen.core.generate.GeneratorFactory;
import dev.syngen.core.generate.Params;
import dev.syngen.core.random.CellSampler;
import dev.syngen.core.random.CellUniformProvider;
import dev.syngen.core.random.Law;
import org.apache.commons.math3.distribution.PoissonDistribution;
import org.apache.commons.rng.sampling.distribution.MarsagliaTsangWangDiscreteSampler;
import org.apache.commons.rng.sampling.distribution.PoissonSampler;

/** Poisson counts with mean lambda: events in a fixed interval. */
public final class Poisson extends SampledWhole {
  public static final GeneratorFactory FACTORY =
      GeneratorFactory.of("poisson", "Poisson counts; params: lambda (mean, > 0)", Poisson::create);

  /** commons-rng's large-mean sampler accepts means up to half of Integer.MAX_VALUE. */
  private static final double MAX_LAMBDA = 1e9;

  private static final double TABLE_LIMIT = 500;

  private Poisson(double lambda) {
    super(
        sampler(lambda),
        new Law.Discrete(
            "poisson(lambda=" + num(lambda) + ")",
            new PoissonDistribution(null, lambda, 1e-12, 10_000_000)));
  }

  /**
   * A Marsaglia–Tsang–Wang lookup table for small and moderate means, else commons-rng's default.
   */
  private static CellSampler sampler(double lambda) {
    if (lambda <= TABLE_LIMIT) {
      return CellSampler.shared(
          MarsagliaTsangWangDiscreteSampler.Poisson.of(new CellUniformProvider(), lambda));
    }
    return CellSampler.discrete(rng -> PoissonSampler.of(rng, lambda));
  }

  private static Generator create(GeneratorContext ctx) {
    Params p = ctx.params();
    Double lambda = p.number("lambda", "4");
    if (!Checks.positive(p, "lambda", lambda, "4")) {
      return null;
    }
    if (lambda > MAX_LAMBDA) {
      p.problem("lambda", "must be at most " + num(MAX_LAMBDA), "use a smaller mean");
      return null;
    }
    return new Poisson(lambda);
  }
}
