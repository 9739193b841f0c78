package dev.syngen.core.random;

/** Mean and variance of a weighted mixture from its parts' means and variances. */
final class MixtureMoments {
  private MixtureMoments() {}

  static double mean(double[] weights, double[] means) {
    double m = 0;
    for (int i = 0; i < weights.length; i++) {
      m += weights[i] * means[i];
    }
    return m;
  }

  /** E[X²] − E[X]², with E[X²] the weighted sum of each part's variance plus its squared mean. */
  static double variance(double[] weights, double[] means, double[] variances) {
    double second = 0;
    for (int i = 0; i < weights.length; i++) {
      second += weights[i] * (variances[i] + means[i] * means[i]);
    }
    double mean = mean(weights, means);
    return Math.max(0, second - mean * mean);
  }
}
