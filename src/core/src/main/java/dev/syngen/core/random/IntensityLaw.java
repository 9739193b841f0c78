package dev.syngen.core.random;

import org.apache.commons.math3.distribution.AbstractRealDistribution;

/**
 * The law of one event time of a Poisson process with rate {@link IntensityCurve} on the window
 * [start, end] (epoch milliseconds): {@code F(t) = (Λ(t) - Λ(start)) / (Λ(end) - Λ(start))}.
 */
public final class IntensityLaw extends AbstractRealDistribution {
  private static final long serialVersionUID = 1L;
  private final transient IntensityCurve curve;
  private final long start;
  private final long end;
  private final double low;
  private final double mass;

  public IntensityLaw(IntensityCurve curve, long start, long end) {
    super(null);
    this.curve = curve;
    this.start = start;
    this.end = end;
    this.low = curve.cumulative(start);
    this.mass = curve.cumulative(end) - low;
  }

  /** The instant at cumulative position {@code p} in [0, 1]. */
  @Override
  public double inverseCumulativeProbability(double p) {
    return Math.min(end, Math.max(start, curve.inverse(low + p * mass)));
  }

  @Override
  public double cumulativeProbability(double t) {
    if (t <= start) {
      return 0;
    }
    return t >= end ? 1 : (curve.cumulative((long) t) - low) / mass;
  }

  @Override
  public double density(double t) {
    double h = 60_000;
    return (cumulativeProbability(t + h) - cumulativeProbability(t - h)) / (2 * h);
  }

  @Override
  public double getNumericalMean() {
    double m = 0;
    int n = 1000;
    for (int i = 0; i < n; i++) {
      m += inverseCumulativeProbability((i + 0.5) / n);
    }
    return m / n;
  }

  @Override
  public double getNumericalVariance() {
    double mean = getNumericalMean();
    double v = 0;
    int n = 1000;
    for (int i = 0; i < n; i++) {
      double d = inverseCumulativeProbability((i + 0.5) / n) - mean;
      v += d * d;
    }
    return v / n;
  }

  @Override
  public double getSupportLowerBound() {
    return start;
  }

  @Override
  public double getSupportUpperBound() {
    return end;
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
