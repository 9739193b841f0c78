package dev.syngen.core.random;

import java.util.Arrays;
import org.apache.commons.math3.distribution.AbstractRealDistribution;

/**
 * An empirical law given by knots {@code x[0] < … < x[m]} and cumulative probabilities {@code c[0]
 * = 0 ≤ … ≤ c[m] = 1}, linear in between: quantiles read from production, or histogram buckets
 * (edges with their shares, uniform within a bucket) both reduce to it.
 */
public final class PiecewiseLinearLaw extends AbstractRealDistribution {
  private static final long serialVersionUID = 1L;
  private final double[] x;
  private final double[] c;

  public PiecewiseLinearLaw(double[] x, double[] c) {
    super(null);
    if (x.length < 2 || x.length != c.length || c[0] != 0 || c[c.length - 1] != 1) {
      throw new IllegalArgumentException("need >= 2 knots with cumulative 0 .. 1");
    }
    for (int i = 1; i < x.length; i++) {
      if (!(x[i] > x[i - 1]) || c[i] < c[i - 1]) {
        throw new IllegalArgumentException("knots must increase and cumulative must not decrease");
      }
    }
    this.x = x.clone();
    this.c = c.clone();
  }

  /** The segment i with c[i] <= p < c[i+1] (the last one for p = 1). */
  private int segmentOfProbability(double p) {
    int i = Arrays.binarySearch(c, p);
    if (i < 0) {
      i = -i - 2;
    } else {
      while (i + 1 < c.length && c[i + 1] == p) {
        i++; // skip empty segments
      }
    }
    return Math.max(0, Math.min(c.length - 2, i));
  }

  @Override
  public double inverseCumulativeProbability(double p) {
    int i = segmentOfProbability(p);
    double width = c[i + 1] - c[i];
    double f = width == 0 ? 0 : (p - c[i]) / width;
    return x[i] + f * (x[i + 1] - x[i]);
  }

  @Override
  public double cumulativeProbability(double v) {
    if (v <= x[0]) {
      return 0;
    }
    if (v >= x[x.length - 1]) {
      return 1;
    }
    int i = Arrays.binarySearch(x, v);
    if (i >= 0) {
      return c[i];
    }
    i = -i - 2;
    return c[i] + (c[i + 1] - c[i]) * (v - x[i]) / (x[i + 1] - x[i]);
  }

  @Override
  public double density(double v) {
    if (v < x[0] || v >= x[x.length - 1]) {
      return 0;
    }
    int i = Arrays.binarySearch(x, v);
    i = i >= 0 ? i : -i - 2;
    return (c[i + 1] - c[i]) / (x[i + 1] - x[i]);
  }

  @Override
  public double getNumericalMean() {
    double m = 0;
    for (int i = 0; i + 1 < x.length; i++) {
      m += (c[i + 1] - c[i]) * (x[i] + x[i + 1]) / 2;
    }
    return m;
  }

  @Override
  public double getNumericalVariance() {
    double second = 0;
    for (int i = 0; i + 1 < x.length; i++) {
      double a = x[i];
      double b = x[i + 1];
      second += (c[i + 1] - c[i]) * (a * a + a * b + b * b) / 3;
    }
    double m = getNumericalMean();
    return Math.max(0, second - m * m);
  }

  @Override
  public double getSupportLowerBound() {
    return x[0];
  }

  @Override
  public double getSupportUpperBound() {
    return x[x.length - 1];
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
