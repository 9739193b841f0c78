package dev.syngen.core.fidelity;

import dev.syngen.core.fidelity.Check.Status;
import dev.syngen.core.scenario.ColumnType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;
import org.apache.commons.math3.stat.inference.AlternativeHypothesis;
import org.apache.commons.math3.stat.inference.BinomialTest;

/**
 * Checks against declared numbers with tolerance bands: percentiles (deviation measured against the
 * expected spread, so it means the same for prices and for timestamps), category shares and null
 * rates (deviation relative to the share, at least 5%), and rank correlation (absolute). A
 * deviation beyond the band fails only when sampling noise cannot explain it (an exact binomial
 * test, or Fisher's z for correlations, below alpha); otherwise it is a warning.
 */
final class ValueChecks {
  private static final double SHARE_FLOOR = 0.05;

  private ValueChecks() {}

  /** Two-sided exact binomial p-value of k successes in n trials at probability p. */
  static double binomial(long k, long n, double p) {
    if (n == 0) {
      return 1;
    }
    if (p <= 0 || p >= 1) {
      return (p <= 0 ? k == 0 : k == n) ? 1 : 0;
    }
    return new BinomialTest().binomialTest((int) n, (int) k, p, AlternativeHypothesis.TWO_SIDED);
  }

  private static Status judge(double dev, double tolerance, double p, double alpha) {
    if (dev <= tolerance) {
      return Status.PASS;
    }
    return p < alpha ? Status.FAIL : Status.WARN;
  }

  /**
   * Percentile check; {@code spread} is the expected 5–95% range (or the declared percentiles'
   * range) that deviations are measured against.
   */
  static Check percentiles(
      String subject,
      ColumnType type,
      Map<Double, Double> expected,
      double[] sorted,
      double spread,
      Band band,
      double alpha) {
    double worst = 0;
    double worstP = 1;
    List<String> exp = new ArrayList<>();
    List<String> obs = new ArrayList<>();
    String worstText = "";
    for (Map.Entry<Double, Double> e : new TreeMap<>(expected).entrySet()) {
      double o = Quantiles.at(sorted, e.getKey());
      double dev = Math.abs(o - e.getValue()) / spread;
      String name = "p" + Numbers.text(e.getKey() * 100);
      exp.add(name + " " + Cells.show(type, e.getValue()));
      obs.add(name + " " + Cells.show(type, o));
      double p = binomial(countAtMost(sorted, e.getValue()), sorted.length, e.getKey());
      if (dev > worst || worstText.isEmpty()) {
        worst = Math.max(worst, dev);
        worstP = p;
        worstText =
            name + " is " + Cells.show(type, o) + " against " + Cells.show(type, e.getValue());
      }
    }
    Status s = judge(worst, band.tolerance(), worstP, alpha);
    String message =
        switch (s) {
          case PASS -> "percentiles within " + Numbers.percent(band.tolerance()) + " of the spread";
          case WARN ->
              "percentiles off by "
                  + Numbers.percent(worst)
                  + " of the spread ("
                  + worstText
                  + "), but within sampling noise of "
                  + sorted.length
                  + " values";
          default ->
              "percentiles off: "
                  + worstText
                  + " ("
                  + Numbers.percent(worst)
                  + " of the spread > "
                  + Numbers.percent(band.tolerance())
                  + ", p = "
                  + Numbers.text(worstP)
                  + ")";
        };
    return new Check(
        "percentiles",
        subject,
        String.join(", ", exp),
        String.join(", ", obs),
        null,
        worstP,
        worst,
        band.tolerance(),
        s,
        message,
        null);
  }

  private static long countAtMost(double[] sorted, double v) {
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] <= v) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  static Check shares(
      String subject,
      Map<String, Double> expected,
      Map<String, Long> counts,
      long total,
      Band band,
      double alpha) {
    double worst = 0;
    double worstP = 1;
    Status s = Status.PASS;
    String worstText = "";
    List<String> labels = new ArrayList<>();
    List<Double> exp = new ArrayList<>();
    List<Double> obs = new ArrayList<>();
    for (Map.Entry<String, Double> e : expected.entrySet()) {
      long k = counts.getOrDefault(e.getKey(), 0L);
      double o = total == 0 ? 0 : k / (double) total;
      double dev = Math.abs(o - e.getValue()) / Math.max(e.getValue(), SHARE_FLOOR);
      double p = binomial(k, total, e.getValue());
      Status one = judge(dev, band.tolerance(), p, alpha);
      labels.add(e.getKey());
      exp.add(e.getValue());
      obs.add(o);
      if (one.compareTo(s) > 0 || (one == s && dev >= worst)) {
        s = one;
        worst = dev;
        worstP = p;
        worstText =
            "'"
                + e.getKey()
                + "' is "
                + Numbers.percent(o)
                + " against "
                + Numbers.percent(e.getValue());
      }
    }
    String message =
        switch (s) {
          case PASS -> "category shares as declared";
          case WARN ->
              "category shares off ("
                  + worstText
                  + "), but within sampling noise of "
                  + total
                  + " values";
          default ->
              "wrong category mix: "
                  + worstText
                  + " (deviation "
                  + Numbers.percent(worst)
                  + " > "
                  + Numbers.percent(band.tolerance())
                  + ", p = "
                  + Numbers.text(worstP)
                  + ")";
        };
    return new Check(
        "shares",
        subject,
        describe(labels, exp),
        describe(labels, obs),
        null,
        worstP,
        worst,
        band.tolerance(),
        s,
        message,
        new Chart(subject + " (declared shares)", labels, exp, obs));
  }

  private static String describe(List<String> labels, List<Double> shares) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < labels.size(); i++) {
      out.add(labels.get(i) + " " + Numbers.percent(shares.get(i)));
    }
    return String.join(", ", out);
  }

  static Check nullRate(
      String subject, double expected, long nulls, long total, Band band, double alpha) {
    double o = total == 0 ? 0 : nulls / (double) total;
    if (expected == 0) {
      Status s = nulls == 0 ? Status.PASS : Status.FAIL;
      String message =
          s == Status.PASS
              ? "no NULLs, as declared"
              : nulls + " of " + total + " sampled rows are NULL in a column that must not be NULL";
      return new Check(
          "null_rate", subject, "0%", Numbers.percent(o), null, null, o, 0.0, s, message, null);
    }
    double dev = Math.abs(o - expected) / Math.max(expected, SHARE_FLOOR);
    double p = binomial(nulls, total, expected);
    Status s = judge(dev, band.tolerance(), p, alpha);
    String message =
        switch (s) {
          case PASS -> "null rate as declared";
          case WARN ->
              "null rate "
                  + Numbers.percent(o)
                  + " against "
                  + Numbers.percent(expected)
                  + ", within sampling noise of "
                  + total
                  + " rows";
          default ->
              "null rate "
                  + Numbers.percent(o)
                  + " against "
                  + Numbers.percent(expected)
                  + " declared (deviation "
                  + Numbers.percent(dev)
                  + " > "
                  + Numbers.percent(band.tolerance())
                  + ", p = "
                  + Numbers.text(p)
                  + ")";
        };
    return new Check(
        "null_rate",
        subject,
        Numbers.percent(expected),
        Numbers.percent(o),
        null,
        p,
        dev,
        band.tolerance(),
        s,
        message,
        null);
  }

  static Check correlation(
      String subject,
      String with,
      double expected,
      double[] a,
      double[] b,
      Band band,
      double alpha) {
    double rho = a.length < 3 ? 0 : new SpearmansCorrelation().correlation(a, b);
    double dev = Math.abs(rho - expected);
    double p = fisher(rho, expected, a.length);
    Status s = judge(dev, band.tolerance(), p, alpha);
    String message =
        switch (s) {
          case PASS -> "rank correlation with " + with + " as declared";
          case WARN ->
              "rank correlation with "
                  + with
                  + " is "
                  + Numbers.text(rho)
                  + ", within sampling noise";
          default ->
              "rank correlation with "
                  + with
                  + " is "
                  + Numbers.text(rho)
                  + " against "
                  + Numbers.text(expected)
                  + " (off by "
                  + Numbers.text(dev)
                  + " > "
                  + Numbers.text(band.tolerance())
                  + ")";
        };
    return new Check(
        "correlation",
        subject,
        "Spearman " + Numbers.text(expected) + " with " + with,
        "Spearman " + Numbers.text(rho),
        rho,
        p,
        dev,
        band.tolerance(),
        s,
        message,
        null);
  }

  /** Two-sided p-value that a rank correlation r of n pairs comes from one of rho (Fisher's z). */
  private static double fisher(double r, double rho, int n) {
    if (n < 4) {
      return 1;
    }
    double edge = 0.999999;
    double z =
        atanh(Math.max(-edge, Math.min(edge, r))) - atanh(Math.max(-edge, Math.min(edge, rho)));
    double se = 1.03 / Math.sqrt(n - 3);
    return 2 * (1 - new NormalDistribution(null, 0, 1).cumulativeProbability(Math.abs(z) / se));
  }

  private static double atanh(double x) {
    return 0.5 * Math.log((1 + x) / (1 - x));
  }

  static Check unreadable(String subject, ColumnType type, long bad, long total, String example) {
    return new Check(
        "type",
        subject,
        type.yamlName() + " values",
        bad + " of " + total + " unreadable",
        null,
        null,
        bad / (double) total,
        0.0,
        Status.FAIL,
        bad + " sampled values are not " + type.yamlName() + " values, e.g. '" + example + "'",
        null);
  }
}
