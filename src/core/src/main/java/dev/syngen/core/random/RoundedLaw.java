package dev.syngen.core.random;

import org.apache.commons.math3.distribution.AbstractIntegerDistribution;
import org.apache.commons.math3.distribution.RealDistribution;

/** The law of {@code round(X)} for a real-valued X: {@code P(k) = F(k + 1/2) - F(k - 1/2)}. */
public final class RoundedLaw extends AbstractIntegerDistribution {
  private static final long serialVersionUID = 1L;
  private final RealDistribution real;

  public RoundedLaw(RealDistribution real) {
    super(null);
    this.real = real;
  }

  @Override
  public double probability(int k) {
    return real.cumulativeProbability(k + 0.5) - real.cumulativeProbability(k - 0.5);
  }

  @Override
  public double cumulativeProbability(int k) {
    return real.cumulativeProbability(k + 0.5);
  }

  @Override
  public double getNumericalMean() {
    return real.getNumericalMean();
  }

  @Override
  public double getNumericalVariance() {
    return real.getNumericalVariance() + 1.0 / 12;
  }

  @Override
  public int getSupportLowerBound() {
    return (int) Math.max(Integer.MIN_VALUE, Math.rint(real.getSupportLowerBound()));
  }

  @Override
  public int getSupportUpperBound() {
    return (int) Math.min(Integer.MAX_VALUE, Math.rint(real.getSupportUpperBound()));
  }

  @Override
  public boolean isSupportConnected() {
    return true;
  }
}
