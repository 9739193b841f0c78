package dev.syngen.core.fidelity;

/** Sample quantiles by linear interpolation between order statistics. */
public final class Quantiles {
  private Quantiles() {}

  /** The p-quantile of an ascending array. */
  public static double at(double[] sorted, double p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    double pos = p * (sorted.length - 1);
    int i = (int) Math.floor(pos);
    if (i >= sorted.length - 1) {
      return sorted[sorted.length - 1];
    }
    return sorted[i] + (pos - i) * (sorted[i + 1] - sorted[i]);
  }
}
