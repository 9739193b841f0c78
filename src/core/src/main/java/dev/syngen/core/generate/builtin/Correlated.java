package dev.syngen.core.generate.builtin;

import dev.syngen.core.generate.ColumnRef;
import dev.syngen.core.generate.Conversions;
import dev.syngen.core.generate.Distributed;
import dev.syngen.core.generate.Generator;
import dev.syngen.core.generate.GeneratorContext;
import dev.syngen.core.generate.GeneratorFactory;
import dev.syngen.core.generate.Params;
import dev.syngen.core.random.CellRandom;
import dev.syngen.core.random.Law;
import dev.syngen.core.scenario.ColumnType;
import dev.syngen.core.scenario.ValueKind;
import java.util.Optional;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * A column correlated with another column of the row through a Gaussian copula: the other value's
 * CDF position u is mapped to a normal score z, mixed with fresh noise as {@code rho·z +
 * sqrt(1-rho²)·e}, and mapped back through this column's own law (any distribution generator) with
 * commons-math3's inverse CDF. Each column keeps its declared marginal; their Spearman rank
 * correlation is {@code (6/π)·asin(rho/2)}.
 */
public final class Correlated implements Generator, Distributed {
  public static final GeneratorFactory FACTORY =
      GeneratorFactory.of(
          "correlated",
          "correlated with another column (Gaussian copula); params: with (column), rho (-1..1),"
              + " distribution ({type, params} of a distribution generator)",
          Correlated::create);

  private static final NormalDistribution STANDARD = new NormalDistribution(null, 0, 1);
  private static final double EDGE = 1e-12;

  private final ColumnRef with;
  private final Law withLaw;
  private final double rho;
  private final double noise;
  private final Law law;

  private Correlated(ColumnRef with, Law withLaw, double rho, Law law) {
    this.with = with;
    this.withLaw = withLaw;
    this.rho = rho;
    this.noise = Math.sqrt(1 - rho * rho);
    this.law = law;
  }

  private static Generator create(GeneratorContext ctx) {
    Params p = ctx.params();
    String column = p.string("with", "age");
    Double rho = p.number("rho", "0.6");
    Object spec = p.raw("distribution");
    if (spec == null) {
      p.problem(
          "distribution",
          "is missing",
          "write e.g. distribution: {type: lognormal, params: {mu: 10, sigma: 0.5}}");
    }
    if (rho != null && !(rho >= -1 && rho <= 1)) {
      p.problem("rho", "must be between -1 and 1, got " + rho, "use e.g. rho: 0.6");
    }
    if (column == null || spec == null || !p.ok()) {
      return null;
    }
    Optional<ColumnRef> with = ctx.sibling("with", column);
    Generator marginal = ctx.nested("distribution", spec, ColumnType.DOUBLE, ctx.key());
    if (with.isEmpty() || marginal == null) {
      return null;
    }
    Law withLaw = lawOf(with.get().generator());
    if (!(withLaw instanceof Law.Continuous || withLaw instanceof Law.Discrete)) {
      p.problem(
          "with",
          "'" + column + "' has no numeric law to correlate with",
          "generate '" + column + "' with a distribution (normal, lognormal, gamma, poisson, …)");
      return null;
    }
    Law own = lawOf(marginal);
    if (!(own instanceof Law.Continuous || own instanceof Law.Discrete)) {
      p.problem(
          "distribution",
          "is not a numeric distribution",
          "use a distribution generator such as lognormal, gamma, normal or poisson");
      return null;
    }
    return new Correlated(with.get(), withLaw, rho, own);
  }

  private static Law lawOf(Generator g) {
    return Conversions.unwrap(g) instanceof Distributed d ? d.law() : null;
  }

  public String with() {
    return with.column();
  }

  public double rho() {
    return rho;
  }

  /** The normal score of this row's value of the other column. */
  private double score(long key, long row) {
    double u;
    if (withLaw instanceof Law.Discrete d) {
      int x = (int) with.generator().longAt(with.key(), row);
      double below = d.distribution().cumulativeProbability(x - 1);
      u = below + CellRandom.unit(key, row, 1) * d.distribution().probability(x);
    } else {
      double x =
          with.generator().kind() == ValueKind.DOUBLE
              ? with.generator().doubleAt(with.key(), row)
              : with.generator().longAt(with.key(), row);
      u = ((Law.Continuous) withLaw).distribution().cumulativeProbability(x);
    }
    return STANDARD.inverseCumulativeProbability(Math.min(1 - EDGE, Math.max(EDGE, u)));
  }

  private double position(long key, long row) {
    double z = rho * score(key, row) + noise * CellRandom.gaussian(key, row, 2);
    return Math.min(1 - EDGE, Math.max(EDGE, STANDARD.cumulativeProbability(z)));
  }

  @Override
  public ValueKind kind() {
    return law instanceof Law.Discrete ? ValueKind.LONG : ValueKind.DOUBLE;
  }

  @Override
  public double doubleAt(long key, long row) {
    return ((Law.Continuous) law).distribution().inverseCumulativeProbability(position(key, row));
  }

  @Override
  public long longAt(long key, long row) {
    return ((Law.Discrete) law).distribution().inverseCumulativeProbability(position(key, row));
  }

  @Override
  public Law law() {
    return law;
  }
}
