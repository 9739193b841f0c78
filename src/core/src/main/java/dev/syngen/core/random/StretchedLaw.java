package dev.syngen.core.random;

import org.apache.commons.math3.distribution.AbstractIntegerDistribution;
import org.apache.commons.math3.distribution.IntegerDistribution;

/**
 * The law of {@code round(m + f·(X − m))} for a whole-number X: X's excess over m stretched (f > 1)
 * or shrunk (f < 1) by one factor, as heavy parents' counts are when an entity has an exact total.
 */
public final class StretchedLaw extends AbstractIntegerDistribution {
  private static final long serialVersionUID = 1L;
  private final IntegerDistribution x;
  private final double m;
  private final double f;

  public StretchedLaw(IntegerDistribution x, long m, double f) {
    super(null);
    if (!(f > 0)) {
      throw new IllegalArgumentException("stretch must be > 0");
    }
    this.x = x;
    this.m = m;
    this.f = f;
  }

  @Override
  public double cumulativeProbability(int k) {
    // round(v) <= k  <=>  v < k + 1/2  <=>  X < m + (k + 1/2 - m) / f
    double t = m + (k + 0.5 - m) / f;
    double below = Math.ceil(t) - 1;
    if (below < Integer.MIN_VALUE) {
      return 0;
    }
    return below >= Integer.MAX_VALUE ? 1 : x.cumulativeProbability((int) below);
  }

  @Override
  public double probability(int k) {
    return cumulativeProbability(k) - cumulativeProbability(k - 1);
  }

  @Override
  public double getNumericalMean() {
    return m + f * (x.getNumericalMean() - m);
  }

  @Override
  public double getNumericalVariance() {
    return f * f * x.getNumericalVariance() + 1.0 / 12;
  }

  @Override
  public int getSupportLowerBound() {
    return clamp(m + f * (x.getSupportLowerBound() - m));
  }

  @Override
  public int getSupportUpperBound() {
    return clamp(m + f * ((double) x.getSupportUpperBound() - m));
  }

  private static int clamp(double v) {
    return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, Math.rint(v)));
  }

  @Override
  public boolean isSupportConnected() {
    return f <= 1;
  }
}
