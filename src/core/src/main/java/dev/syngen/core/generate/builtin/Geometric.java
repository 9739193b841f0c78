package dev.syngen.core.generate.builtin;

import static dev.syngen.core.generate.builtin.Checks.num;

import dev.syngen.core.generate.Generator;
import dev.syngen.core.generate.GeneratorContext;
import dev.syngen.core.generate.GeneratorFactory;
import dev.syngen.core.generate.Params;
import dev.syngen.core.random.CellSampler;
import dev.syngen.core.random.Law;
import dev.syngen.core.random.ShiftedGeometricLaw;
import org.apache.commons.math3.distribution.GeometricDistribution;
import org.apache.commons.rng.sampling.distribution.GeometricSampler;

/**
 * Failures before the first success of trials with success probability p: 0, 1, 2, … With {@code
 * min} the values start there (min, min + 1, …) and with {@code max} the law is truncated at max
 * (group sizes of 3–20, retries up to a limit).
 */
public final class Geometric extends SampledWhole {
  private static final int RANGE = 1 << 20;

  public static final GeneratorFactory FACTORY =
      GeneratorFactory.of(
          "geometric",
          "failures before the first success (0, 1, 2, …); params: p (success probability, (0, 1]),"
              + " min (first value, default 0), max (optional truncation)",
          Geometric::create);

  private Geometric(double p) {
    super(
        CellSampler.discrete(rng -> GeometricSampler.of(rng, p)),
        new Law.Discrete("geometric(p=" + num(p) + ")", new GeometricDistribution(null, p)));
  }

  private Geometric(ShiftedGeometricLaw law, String name) {
    super(
        CellSampler.discrete(rng -> () -> (int) law.at(rng.nextDouble())),
        new Law.Discrete(name, law));
  }

  private static Generator create(GeneratorContext ctx) {
    Params p = ctx.params();
    Double prob = p.number("p", "0.3");
    boolean ok = Checks.probability(p, "p", prob, false, "0.3");
    if (!p.has("min") && !p.has("max")) {
      return ok ? new Geometric(prob) : null;
    }
    long min = p.whole("min", "3", 0);
    long max = p.whole("max", "20", Integer.MAX_VALUE);
    if (min < 0 || min >= RANGE) {
      p.problem("min", "must be between 0 and " + RANGE + ", got " + min, "min: 3");
      return null;
    }
    if (max < min || (p.has("max") && max > min + RANGE)) {
      p.problem("max", "must be between min and min + " + RANGE + ", got " + max, "max: 20");
      return null;
    }
    if (!ok) {
      return null;
    }
    String name =
        "geometric(p=" + num(prob) + ", min=" + min + (p.has("max") ? ", max=" + max : "") + ")";
    return new Geometric(new ShiftedGeometricLaw(prob, (int) min, (int) max), name);
  }
}
