package dev.syngen.core.random;

import java.util.List;
import org.apache.commons.math3.distribution.AbstractRealDistribution;
import org.apache.commons.math3.distribution.RealDistribution;

/**
 * A weighted mixture of real laws (a {@code mixture} column's values): density and distribution
 * function are the weighted sums of the parts'; quantiles come from the distribution function.
 */
public final class RealMixtureLaw extends AbstractRealDistribution {
  private static final long serialVersionUID = 1L;
  private final List<RealDistribution> parts;
  private final double[] weights;

  /** {@code weights} are normalised here; they need only be non-negative with a positive sum. */
  public RealMixtureLaw(List<RealDistribution> parts, double[] weights) {
    super(null);
    if (parts.isEmpty() || parts.size() != weights.length) {
      throw new IllegalArgumentException("one weight per part");
    }
    double sum = 0;
    for (double w : weights) {
      sum += w;
    }
    this.parts = List.copyOf(parts);
    this.weights = new double[weights.length];
    for (int i = 0; i < weights.length; i++) {
      this.weights[i] = weights[i] / sum;
    }
  }

  @Override
  public double density(double x) {
    double d = 0;
    for (int i = 0; i < weights.length; i++) {
      d += weights[i] * parts.get(i).density(x);
    }
    return d;
  }

  @Override
  public double cumulativeProbability(double x) {
    double p = 0;
    for (int i = 0; i < weights.length; i++) {
      p += weights[i] * parts.get(i).cumulativeProbability(x);
    }
    return Math.min(1, p);
  }

  @Override
  public double getNumericalMean() {
    return MixtureMoments.mean(
        weights, parts.stream().mapToDouble(RealDistribution::getNumericalMean).toArray());
  }

  @Override
  public double getNumericalVariance() {
    return MixtureMoments.variance(
        weights,
        parts.stream().mapToDouble(RealDistribution::getNumericalMean).toArray(),
        parts.stream().mapToDouble(RealDistribution::getNumericalVariance).toArray());
  }

  @Override
  public double getSupportLowerBound() {
    return parts.stream().mapToDouble(RealDistribution::getSupportLowerBound).min().orElseThrow();
  }

  @Override
  public double getSupportUpperBound() {
    return parts.stream().mapToDouble(RealDistribution::getSupportUpperBound).max().orElseThrow();
  }

  @Override
  @SuppressWarnings("deprecation")
  public boolean isSupportLowerBoundInclusive() {
    return true;
  }

  @Override
  @SuppressWarnings("deprecation")
  public boolean isSupportUpperBoundInclusive() {
    return true;
  }

  /** Parts far apart leave gaps of zero density, so the support need not be connected. */
  @Override
  public boolean isSupportConnected() {
    return false;
  }
}
