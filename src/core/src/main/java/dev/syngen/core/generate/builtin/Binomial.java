package dev.syngen.core.generate.builtin;

import static dev.syngen.core.generate.builtin.Checks.num;

import dev.syngen.core.generate.Generator;
import dev.syngen.core.generate.GeneratorContext;
import dev.syngen.core.generate.GeneratorFactory;
import dev.syngen.core.generate.Params;
import dev.syngen.core.random.CellSampler;
import dev.syngen.core.random.Law;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.DiscreteSampler;
import org.apache.commons.rng.sampling.distribution.InverseTransformDiscreteSampler;
import org.apache.commons.rng.sampling.distribution.MarsagliaTsangWangDiscreteSampler;

/**
 * Successes in n trials with success probability p. Sampled by the Marsaglia–Tsang–Wang table where
 * commons-rng can build one, else by commons-math3's inverse CDF.
 */
public final class Binomial extends SampledWhole {
  public static final GeneratorFactory FACTORY =
      GeneratorFactory.of(
          "binomial",
          "successes in n trials; params: n (trials, >= 0), p (success probability)",
          Binomial::create);

  private Binomial(int n, double p) {
    this(n, p, new BinomialDistribution(null, n, p));
  }

  private Binomial(int n, double p, BinomialDistribution law) {
    super(
        CellSampler.discrete(rng -> sampler(rng, n, p, law)),
        new Law.Discrete("binomial(n=" + n + ", p=" + num(p) + ")", law));
  }

  private static DiscreteSampler sampler(
      UniformRandomProvider rng, int n, double p, BinomialDistribution law) {
    try {
      return MarsagliaTsangWangDiscreteSampler.Binomial.of(rng, n, p);
    } catch (IllegalArgumentException tableTooLarge) {
      return InverseTransformDiscreteSampler.of(rng, law::inverseCumulativeProbability);
    }
  }

  private static Generator create(GeneratorContext ctx) {
    Params p = ctx.params();
    Long n = p.whole("n", "10");
    Double prob = p.number("p", "0.5");
    boolean ok = Checks.probability(p, "p", prob, true, "0.5");
    if (n == null || !ok) {
      return null;
    }
    if (n < 0 || n > Integer.MAX_VALUE) {
      p.problem("n", "must be between 0 and " + Integer.MAX_VALUE + ", got " + n, "use e.g. 10");
      return null;
    }
    return new Binomial(n.intValue(), prob);
  }
}
