package dev.syngen.core.fidelity;

import dev.syngen.core.fidelity.Check.Status;
import dev.syngen.core.scenario.ColumnType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;

/**
 * Checks against declared numbers with tolerance bands: percentiles (deviation measured against the
 * expected spread, so it means the same for prices and for timestamps), category shares and null
 * rates (deviation relative to the share, at least 5%), and rank correlation (absolute).
 */
final class ValueChecks {
  private static final double SHARE_FLOOR = 0.05;

  private ValueChecks() {}

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
      Band band) {
    double worst = 0;
    List<String> exp = new ArrayList<>();
    List<String> obs = new ArrayList<>();
    String worstText = "";
    for (Map.Entry<Double, Double> e : new TreeMap<>(expected).entrySet()) {
      double o = Quantiles.at(sorted, e.getKey());
      double dev = Math.abs(o - e.getValue()) / spread;
      String name = "p" + Numbers.text(e.getKey() * 100);
      exp.add(name + " " + Cells.show(type, e.getValue()));
      obs.add(name + " " + Cells.show(type, o));
      if (dev > worst || worstText.isEmpty()) {
        worst = Math.max(worst, dev);
        worstText =
            name + " is " + Cells.show(type, o) + " against " + Cells.show(type, e.getValue());
      }
    }
    Status s = worst <= band.tolerance() ? Status.PASS : Status.FAIL;
    String message =
        s == Status.PASS
            ? "percentiles within " + Numbers.percent(band.tolerance()) + " of the spread"
            : "percentiles off: "
                + worstText
                + " ("
                + Numbers.percent(worst)
                + " of the spread > "
                + Numbers.percent(band.tolerance())
                + ")";
    return new Check(
        "percentiles",
        subject,
        String.join(", ", exp),
        String.join(", ", obs),
        null,
        null,
        worst,
        band.tolerance(),
        s,
        message,
        null);
  }

  static Check shares(
      String subject,
      Map<String, Double> expected,
      Map<String, Long> counts,
      long total,
      Band band) {
    double worst = 0;
    String worstText = "";
    List<String> labels = new ArrayList<>();
    List<Double> exp = new ArrayList<>();
    List<Double> obs = new ArrayList<>();
    for (Map.Entry<String, Double> e : expected.entrySet()) {
      double o = total == 0 ? 0 : counts.getOrDefault(e.getKey(), 0L) / (double) total;
      double dev = Math.abs(o - e.getValue()) / Math.max(e.getValue(), SHARE_FLOOR);
      labels.add(e.getKey());
      exp.add(e.getValue());
      obs.add(o);
      if (dev >= worst) {
        worst = dev;
        worstText =
            "'"
                + e.getKey()
                + "' is "
                + Numbers.percent(o)
                + " against "
                + Numbers.percent(e.getValue());
      }
    }
    Status s = worst <= band.tolerance() ? Status.PASS : Status.FAIL;
    String message =
        s == Status.PASS
            ? "category shares as declared"
            : "wrong category mix: "
                + worstText
                + " (deviation "
                + Numbers.percent(worst)
                + " > "
                + Numbers.percent(band.tolerance())
                + ")";
    return new Check(
        "shares",
        subject,
        describe(labels, exp),
        describe(labels, obs),
        null,
        null,
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

  static Check nullRate(String subject, double expected, long nulls, long total, Band band) {
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
    Status s = dev <= band.tolerance() ? Status.PASS : Status.FAIL;
    String message =
        s == Status.PASS
            ? "null rate as declared"
            : "null rate "
                + Numbers.percent(o)
                + " against "
                + Numbers.percent(expected)
                + " declared (deviation "
                + Numbers.percent(dev)
                + " > "
                + Numbers.percent(band.tolerance())
                + ")";
    return new Check(
        "null_rate",
        subject,
        Numbers.percent(expected),
        Numbers.percent(o),
        null,
        null,
        dev,
        band.tolerance(),
        s,
        message,
        null);
  }

  static Check correlation(
      String subject, String with, double expected, double[] a, double[] b, Band band) {
    double rho = a.length < 3 ? 0 : new SpearmansCorrelation().correlation(a, b);
    double dev = Math.abs(rho - expected);
    Status s = dev <= band.tolerance() ? Status.PASS : Status.FAIL;
    String message =
        s == Status.PASS
            ? "rank correlation with " + with + " as declared"
            : "rank correlation with "
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
    return new Check(
        "correlation",
        subject,
        "Spearman " + Numbers.text(expected) + " with " + with,
        "Spearman " + Numbers.text(rho),
        rho,
        null,
        dev,
        band.tolerance(),
        s,
        message,
        null);
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
