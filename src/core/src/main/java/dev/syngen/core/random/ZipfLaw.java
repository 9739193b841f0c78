package dev.syngen.core.random;

import org.apache.commons.math3.distribution.AbstractIntegerDistribution;

/**
 * Zipf's law (a discrete power law) over the whole numbers [min, max]: {@code P(k) ∝ (k - min +
 * 1)^-alpha}. Unlike commons-math3's ZipfDistribution, whose CDF sums n terms on every call, the
 * generalised harmonic numbers here come from a prefix table for the first 65,536 ranks and the
 * Euler–Maclaurin formula beyond, so a CDF costs O(1) even for a billion ranks.
 */
public final class ZipfLaw extends AbstractIntegerDistribution {
  private static final long serialVersionUID = 1L;
  private final int min;
  private final int n;
  private final double alpha;
  private final Harmonic harmonic;
  private final double total;

  public ZipfLaw(int min, int max, double alpha) {
    super(null);
    if (max < min || !(alpha > 0)) {
      throw new IllegalArgumentException("need min <= max and alpha > 0");
    }
    this.min = min;
    this.n = (int) Math.min(Integer.MAX_VALUE, (long) max - min + 1);
    this.alpha = alpha;
    this.harmonic = new Harmonic(n, alpha);
    this.total = harmonic.at(n);
  }

  public double alpha() {
    return alpha;
  }

  @Override
  public double probability(int x) {
    long rank = (long) x - min + 1;
    return rank < 1 || rank > n ? 0 : Math.pow(rank, -alpha) / total;
  }

  @Override
  public double cumulativeProbability(int x) {
    long rank = (long) x - min + 1;
    if (rank < 1) {
      return 0;
    }
    return rank >= n ? 1 : harmonic.at(rank) / total;
  }

  @Override
  public double getNumericalMean() {
    return min - 1 + new Harmonic(n, alpha - 1).at(n) / total;
  }

  @Override
  public double getNumericalVariance() {
    double mean = new Harmonic(n, alpha - 1).at(n) / total;
    double second = new Harmonic(n, alpha - 2).at(n) / total;
    return Math.max(0, second - mean * mean);
  }

  @Override
  public int getSupportLowerBound() {
    return min;
  }

  @Override
  public int getSupportUpperBound() {
    return (int) Math.min(Integer.MAX_VALUE, (long) min + n - 1);
  }

  @Override
  public boolean isSupportConnected() {
    return true;
  }

  /** Generalised harmonic numbers H(k, t) = sum of i^-t for i in 1..k. */
  private static final class Harmonic {
    private static final int TABLE = 65_536;
    private final double t;
    private final double[] prefix;

    Harmonic(int n, double t) {
      this.t = t;
      this.prefix = new double[Math.min(n, TABLE) + 1];
      for (int k = 1; k < prefix.length; k++) {
        prefix[k] = prefix[k - 1] + Math.pow(k, -t);
      }
    }

    double at(long k) {
      if (k < prefix.length) {
        return prefix[(int) k];
      }
      int a = prefix.length - 1;
      double integral =
          Math.abs(1 - t) < 1e-12
              ? Math.log((double) k / a)
              : (Math.pow(k, 1 - t) - Math.pow(a, 1 - t)) / (1 - t);
      double ends = (Math.pow(k, -t) - Math.pow(a, -t)) / 2;
      double slope = t * (Math.pow(a, -t - 1) - Math.pow(k, -t - 1)) / 12;
      return prefix[a] + integral + ends + slope;
    }
  }
}
