package dev.syngen.core.random;

import org.apache.commons.math3.distribution.AbstractIntegerDistribution;
import org.apache.commons.math3.distribution.RealDistribution;

/** The law of {@code floor(X)} for a real-valued X: {@code P(k) = F(k + 1) - F(k)}. */
public final class FlooredLaw extends AbstractIntegerDistribution {
  private static final long serialVersionUID = 1L;
  private final RealDistribution real;

  public FlooredLaw(RealDistribution real) {
    super(null);
    this.real = real;
  }

  @Override
  public double probability(int k) {
    return real.cumulativeProbability(k + 1.0) - real.cumulativeProbability(k);
  }

  @Override
  public double cumulativeProbability(int k) {
    return real.cumulativeProbability(k + 1.0);
  }

  @Override
  public double getNumericalMean() {
    return real.getNumericalMean() - 0.5;
  }

  @Override
  public double getNumericalVariance() {
    return real.getNumericalVariance();
  }

  @Override
  public int getSupportLowerBound() {
    return (int) Math.max(Integer.MIN_VALUE, Math.floor(real.getSupportLowerBound()));
  }

  @Override
  public int getSupportUpperBound() {
    return (int) Math.min(Integer.MAX_VALUE, Math.ceil(real.getSupportUpperBound()) - 1);
  }

  @Override
  public boolean isSupportConnected() {
    return true;
  }
}
