package dev.syngen.core.random;

import java.util.List;
import org.apache.commons.math3.distribution.AbstractIntegerDistribution;
import org.apache.commons.math3.distribution.IntegerDistribution;

/**
 * A weighted mixture of whole-number laws, e.g. children per parent where most parents follow a
 * power law and a small share of "heavy" parents follow another law.
 */
public final class MixtureLaw extends AbstractIntegerDistribution {
  private static final long serialVersionUID = 1L;
  private final List<IntegerDistribution> parts;
  private final double[] weights;

  public MixtureLaw(List<IntegerDistribution> parts, double[] weights) {
    super(null);
    if (parts.isEmpty() || parts.size() != weights.length) {
      throw new IllegalArgumentException("one weight per part");
    }
    this.parts = List.copyOf(parts);
    this.weights = weights.clone();
  }

  @Override
  public double probability(int x) {
    double p = 0;
    for (int i = 0; i < weights.length; i++) {
      p += weights[i] * parts.get(i).probability(x);
    }
    return p;
  }

  @Override
  public double cumulativeProbability(int x) {
    double p = 0;
    for (int i = 0; i < weights.length; i++) {
      p += weights[i] * parts.get(i).cumulativeProbability(x);
    }
    return p;
  }

  @Override
  public double getNumericalMean() {
    return MixtureMoments.mean(
        weights, parts.stream().mapToDouble(IntegerDistribution::getNumericalMean).toArray());
  }

  @Override
  public double getNumericalVariance() {
    return MixtureMoments.variance(
        weights,
        parts.stream().mapToDouble(IntegerDistribution::getNumericalMean).toArray(),
        parts.stream().mapToDouble(IntegerDistribution::getNumericalVariance).toArray());
  }

  @Override
  public int getSupportLowerBound() {
    return parts.stream().mapToInt(IntegerDistribution::getSupportLowerBound).min().orElse(0);
  }

  @Override
  public int getSupportUpperBound() {
    return parts.stream().mapToInt(IntegerDistribution::getSupportUpperBound).max().orElse(0);
  }

  @Override
  public boolean isSupportConnected() {
    return false;
  }
}
