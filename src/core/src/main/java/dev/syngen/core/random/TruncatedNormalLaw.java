package dev.syngen.core.random;

import org.apache.commons.math3.distribution.AbstractRealDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * A normal distribution restricted to [min, max]: commons-math3's normal CDF and inverse CDF,
 * renormalised over the interval. Inverting {@code F(min) + u (F(max) - F(min))} samples it
 * exactly.
 */
public final class TruncatedNormalLaw extends AbstractRealDistribution {
  private static final long serialVersionUID = 1L;
  private final NormalDistribution normal;
  private final double min;
  private final double max;
  private final double low;
  private final double mass;

  public TruncatedNormalLaw(double mean, double std, double min, double max) {
    super(null);
    this.normal = new NormalDistribution(null, mean, std);
    this.min = min;
    this.max = max;
    this.low = normal.cumulativeProbability(min);
    this.mass = normal.cumulativeProbability(max) - low;
    if (!(mass > 0)) {
      throw new IllegalArgumentException(
          "[" + min + ", " + max + "] holds no probability mass of this normal distribution");
    }
  }

  /** The share of the untruncated normal's mass inside [min, max]. */
  public double mass() {
    return mass;
  }

  @Override
  public double density(double x) {
    return x < min || x > max ? 0 : normal.density(x) / mass;
  }

  @Override
  public double cumulativeProbability(double x) {
    if (x <= min) {
      return 0;
    }
    return x >= max ? 1 : (normal.cumulativeProbability(x) - low) / mass;
  }

  @Override
  public double inverseCumulativeProbability(double p) {
    double x = normal.inverseCumulativeProbability(low + p * mass);
    return Math.min(max, Math.max(min, x));
  }

  @Override
  public double getNumericalMean() {
    double a = (min - normal.getMean()) / normal.getStandardDeviation();
    double b = (max - normal.getMean()) / normal.getStandardDeviation();
    NormalDistribution std = new NormalDistribution(null, 0, 1);
    return normal.getMean()
        + normal.getStandardDeviation() * (std.density(a) - std.density(b)) / mass;
  }

  @Override
  public double getNumericalVariance() {
    double a = (min - normal.getMean()) / normal.getStandardDeviation();
    double b = (max - normal.getMean()) / normal.getStandardDeviation();
    NormalDistribution std = new NormalDistribution(null, 0, 1);
    double da = Double.isInfinite(a) ? 0 : a * std.density(a);
    double db = Double.isInfinite(b) ? 0 : b * std.density(b);
    double m = (std.density(a) - std.density(b)) / mass;
    double s = normal.getStandardDeviation();
    return s * s * (1 + (da - db) / mass - m * m);
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
