package dev.syngen.core.random;

import org.apache.commons.math3.distribution.AbstractRealDistribution;

/**
 * A Pareto distribution (scale min, tail index alpha) restricted to [min, max]: a power law with a
 * largest value. Its inverse CDF, {@code min · (1 − u·(1 − (min/max)^alpha))^(−1/alpha)}, samples
 * it exactly.
 */
public final class TruncatedParetoLaw extends AbstractRealDistribution {
  private static final long serialVersionUID = 1L;
  private final double min;
  private final double max;
  private final double alpha;
  private final double mass;

  public TruncatedParetoLaw(double min, double max, double alpha) {
    super(null);
    if (!(min > 0 && max > min && alpha > 0)) {
      throw new IllegalArgumentException("needs 0 < min < max and alpha > 0");
    }
    this.min = min;
    this.max = max;
    this.alpha = alpha;
    this.mass = 1 - Math.pow(min / max, alpha);
  }

  /** The value at probability {@code u} in [0, 1). */
  public double at(double u) {
    return min * Math.pow(1 - u * mass, -1 / alpha);
  }

  @Override
  public double density(double x) {
    return x < min || x > max ? 0 : alpha * Math.pow(min, alpha) / Math.pow(x, alpha + 1) / mass;
  }

  @Override
  public double cumulativeProbability(double x) {
    if (x <= min) {
      return 0;
    }
    return x >= max ? 1 : (1 - Math.pow(min / x, alpha)) / mass;
  }

  @Override
  public double inverseCumulativeProbability(double p) {
    return p >= 1 ? max : at(p);
  }

  @Override
  public double getNumericalMean() {
    if (alpha == 1) {
      return min * Math.log(max / min) / mass;
    }
    double a = alpha;
    return a * Math.pow(min, a) / (a - 1) * (Math.pow(min, 1 - a) - Math.pow(max, 1 - a)) / mass;
  }

  @Override
  public double getNumericalVariance() {
    double a = alpha;
    double second =
        a == 2
            ? a * min * min * Math.log(max / min) / mass
            : a * Math.pow(min, a) / (a - 2) * (Math.pow(min, 2 - a) - Math.pow(max, 2 - a)) / mass;
    double mean = getNumericalMean();
    return second - mean * mean;
  }

  @Override
  public double getSupportLowerBound() {
    return min;
  }

  @Override
  public double getSupportUpperBound() {
    return max;
  }

  @Override
  public boolean isSupportLowerBoundInclusive() {
    return true;
  }

  @Override
  public boolean isSupportUpperBoundInclusive() {
    return true;
  }

  @Override
  public boolean isSupportConnected() {
    return true;
  }
}
