package dev.syngen.core.random;

import org.apache.commons.math3.distribution.AbstractIntegerDistribution;

/**
 * A geometric law moved to start at {@code min} and optionally truncated at {@code max}: {@code
 * P(k) ∝ (1 − p)^(k − min)} for k in [min, max]. Its inverse CDF samples it exactly.
 */
public final class ShiftedGeometricLaw extends AbstractIntegerDistribution {
  private static final long serialVersionUID = 1L;
  private final double p;
  private final int min;
  private final int max;
  private final double logQ;
  private final double mass;

  /** {@code max} is {@link Integer#MAX_VALUE} for no truncation. */
  public ShiftedGeometricLaw(double p, int min, int max) {
    super(null);
    if (!(p > 0 && p <= 1) || max < min) {
      throw new IllegalArgumentException("needs 0 < p <= 1 and min <= max");
    }
    this.p = p;
    this.min = min;
    this.max = max;
    this.logQ = Math.log1p(-p);
    this.mass = max == Integer.MAX_VALUE ? 1 : -Math.expm1(logQ * ((double) max - min + 1));
  }

  /** The value at probability {@code u} in [0, 1). */
  public long at(double u) {
    if (p == 1) {
      return min;
    }
    long k = min + (long) Math.floor(Math.log1p(-u * mass) / logQ);
    return Math.min(max, Math.max(min, k));
  }

  @Override
  public double probability(int k) {
    if (k < min || k > max) {
      return 0;
    }
    return p == 1 ? 1 : p * Math.exp(logQ * ((double) k - min)) / mass;
  }

  @Override
  public double cumulativeProbability(int k) {
    if (k < min) {
      return 0;
    }
    if (k >= max) {
      return 1;
    }
    return p == 1 ? 1 : -Math.expm1(logQ * ((double) k - min + 1)) / mass;
  }

  @Override
  public double getNumericalMean() {
    double mean = 0;
    if (max == Integer.MAX_VALUE) {
      return min + (1 - p) / p;
    }
    for (int k = min; k <= max; k++) {
      mean += k * probability(k);
    }
    return mean;
  }

  @Override
  public double getNumericalVariance() {
    if (max == Integer.MAX_VALUE) {
      return (1 - p) / (p * p);
    }
    double mean = getNumericalMean();
    double var = 0;
    for (int k = min; k <= max; k++) {
      var += (k - mean) * (k - mean) * probability(k);
    }
    return var;
  }

  @Override
  public int getSupportLowerBound() {
    return min;
  }

  @Override
  public int getSupportUpperBound() {
    return max;
  }

  @Override
  public boolean isSupportConnected() {
    return true;
  }
}
