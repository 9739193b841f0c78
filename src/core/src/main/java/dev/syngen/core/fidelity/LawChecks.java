package dev.syngen.core.fidelity;

import dev.syngen.core.fidelity.Check.Status;
import dev.syngen.core.random.Law;
import dev.syngen.core.scenario.ColumnType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.distribution.IntegerDistribution;
import org.apache.commons.math3.distribution.RealDistribution;
import org.apache.commons.math3.stat.inference.ChiSquareTest;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;

/**
 * Tests a sample against a law: Kolmogorov–Smirnov for continuous laws, chi-square over bins of
 * equal expected mass for whole-number laws, chi-square over categories for categorical laws. A
 * check fails when the difference is both significant (p below alpha) and larger than the band
 * allows (KS D, or the total variation distance between binned shares, above a third of the band):
 * with tens of thousands of rows, tiny harmless differences are significant too.
 */
final class LawChecks {
  private static final int HISTOGRAM_BINS = 20;
  private final double alpha;

  LawChecks(double alpha) {
    this.alpha = alpha;
  }

  double alpha() {
    return alpha;
  }

  private Status judge(double p, double distance, Band band) {
    if (p >= alpha) {
      return Status.PASS;
    }
    return distance > band.distance() ? Status.FAIL : Status.WARN;
  }

  Check continuous(String subject, ColumnType type, Law.Continuous law, double[] x, Band band) {
    RealDistribution d = law.distribution();
    KolmogorovSmirnovTest ks = new KolmogorovSmirnovTest();
    double stat = ks.kolmogorovSmirnovStatistic(d, x);
    double p = ks.kolmogorovSmirnovTest(d, x, false);
    Status s = judge(p, stat, band);
    String observed = "n=" + x.length + ", median " + Cells.show(type, median(x));
    String message =
        switch (s) {
          case PASS -> "follows " + law.name();
          case WARN ->
              "differs slightly from "
                  + law.name()
                  + " (KS D = "
                  + Numbers.text(stat)
                  + ", within "
                  + Numbers.text(band.distance())
                  + ")";
          default ->
              "does not follow "
                  + law.name()
                  + ": KS D = "
                  + Numbers.text(stat)
                  + " > "
                  + Numbers.text(band.distance())
                  + ", p = "
                  + Numbers.text(p);
        };
    return new Check(
        "distribution",
        subject,
        law.name(),
        observed,
        stat,
        p,
        stat,
        band.distance(),
        s,
        message,
        histogram(subject, type, d, x));
  }

  private Chart histogram(String subject, ColumnType type, RealDistribution d, double[] x) {
    double lo = d.inverseCumulativeProbability(0.005);
    double hi = d.inverseCumulativeProbability(0.995);
    if (!(hi > lo) || Double.isInfinite(lo) || Double.isInfinite(hi)) {
      double[] sorted = x.clone();
      Arrays.sort(sorted);
      lo = sorted[0];
      hi = sorted[sorted.length - 1];
    }
    double width = (hi - lo) / HISTOGRAM_BINS;
    List<String> labels = new ArrayList<>();
    List<Double> expected = new ArrayList<>();
    List<Double> observed = new ArrayList<>();
    double[] counts = new double[HISTOGRAM_BINS];
    for (double v : x) {
      int b = (int) Math.floor((v - lo) / width);
      if (b >= 0 && b < HISTOGRAM_BINS) {
        counts[b]++;
      }
    }
    for (int b = 0; b < HISTOGRAM_BINS; b++) {
      double a = lo + b * width;
      labels.add(label(type, a, width));
      expected.add(d.cumulativeProbability(a + width) - d.cumulativeProbability(a));
      observed.add(counts[b] / x.length);
    }
    return new Chart(subject + " (histogram)", labels, expected, observed);
  }

  /** A bucket's label: dates for timestamp buckets a day or wider, minutes for narrower ones. */
  private static String label(ColumnType type, double from, double width) {
    String text = Cells.show(type, from);
    if (type == ColumnType.TIMESTAMP) {
      return text.substring(0, width >= 86_400_000 ? 10 : 16);
    }
    return text;
  }

  Check discrete(
      String subject, ColumnType type, Law.Discrete law, long[] x, Band band, String kind) {
    return discrete(subject, type, law, x, band, kind, null);
  }

  /**
   * @param referenceSize when the law is itself a histogram measured on that many values (an
   *     original database's children per parent), the sample is compared with that sample by a
   *     two-sample chi-square (homogeneity): both carry sampling noise, and testing against the
   *     histogram as if it were exact would fail a faithful copy of a few hundred parents far more
   *     often than alpha says
   */
  Check discrete(
      String subject,
      ColumnType type,
      Law.Discrete law,
      long[] x,
      Band band,
      String kind,
      Long referenceSize) {
    IntegerDistribution d = law.distribution();
    int bins = Math.max(2, Math.min(40, x.length / 20));
    List<Integer> edges = new ArrayList<>(); // upper bounds of bins, increasing
    for (int i = 1; i < bins; i++) {
      int e = d.inverseCumulativeProbability(i / (double) bins);
      if (edges.isEmpty() || e > edges.get(edges.size() - 1)) {
        edges.add(e);
      }
    }
    int top = d.getSupportUpperBound();
    if (edges.isEmpty() || edges.get(edges.size() - 1) < top) {
      edges.add(top);
    }
    int n = edges.size();
    double[] expected = new double[n];
    long[] observed = new long[n];
    double below = 0;
    for (int i = 0; i < n; i++) {
      double c = i == n - 1 ? 1 : d.cumulativeProbability(edges.get(i));
      expected[i] = c - below;
      below = c;
    }
    long outside = 0;
    for (long v : x) {
      int i = upperBin(edges, v);
      if (i < 0) {
        outside++;
      } else {
        observed[i]++;
      }
    }
    return binned(
        subject,
        law.name(),
        labels(edges, d.getSupportLowerBound(), type),
        expected,
        observed,
        outside,
        x.length,
        band,
        kind,
        referenceSize);
  }

  private static int upperBin(List<Integer> edges, long v) {
    if (v > edges.get(edges.size() - 1)) {
      return -1;
    }
    int lo = 0;
    int hi = edges.size() - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (v <= edges.get(mid)) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }

  /** "3", "4–6", and "≥ 57" for the open last bin; dates for date columns. */
  private static List<String> labels(List<Integer> edges, int min, ColumnType type) {
    List<String> out = new ArrayList<>();
    long from = min;
    for (int i = 0; i < edges.size(); i++) {
      long e = edges.get(i);
      String a = type == ColumnType.DATE ? Cells.show(type, from) : Long.toString(from);
      String b = type == ColumnType.DATE ? Cells.show(type, e) : Long.toString(e);
      if (i == edges.size() - 1 && e >= Integer.MAX_VALUE - 1) {
        out.add("≥ " + a);
      } else {
        out.add(from == e ? b : a + "–" + b);
      }
      from = e + 1;
    }
    return out;
  }

  Check categorical(
      String subject, Law.Categorical law, Map<String, Long> counts, long total, Band band) {
    List<String> labels = new ArrayList<>(law.values());
    double[] expected = law.probabilities().stream().mapToDouble(Double::doubleValue).toArray();
    long[] observed = new long[labels.size()];
    long outside = total;
    for (int i = 0; i < labels.size(); i++) {
      observed[i] = counts.getOrDefault(labels.get(i), 0L);
      outside -= observed[i];
    }
    return binned(
        subject, law.name(), labels, expected, observed, outside, total, band, "shares", null);
  }

  /** Chi-square and total variation over bins; {@code outside} counts values in no bin. */
  private Check binned(
      String subject,
      String lawName,
      List<String> labels,
      double[] expected,
      long[] observed,
      long outside,
      long total,
      Band band,
      String kind,
      Long referenceSize) {
    double tvd = outside / (double) total;
    List<Double> exp = new ArrayList<>();
    List<Double> obs = new ArrayList<>();
    for (int i = 0; i < expected.length; i++) {
      double o = observed[i] / (double) total;
      tvd += Math.abs(o - expected[i]);
      exp.add(expected[i]);
      obs.add(o);
    }
    tvd /= 2;
    Chart chart = new Chart(subject, labels, exp, obs);
    boolean twoSample = referenceSize != null && referenceSize > 0;
    long n = total - outside;
    List<double[]> merged = merge(expected, observed, twoSample ? Math.min(n, referenceSize) : n);
    double stat = Double.NaN;
    double p = 1;
    if (merged.size() >= 2 && twoSample) {
      long[] ref = merged.stream().mapToLong(m -> Math.round(m[2] * referenceSize)).toArray();
      long[] o = merged.stream().mapToLong(m -> (long) m[1]).toArray();
      if (Arrays.stream(o).sum() > 0 && Arrays.stream(ref).sum() > 0 && positiveBins(ref, o)) {
        ChiSquareTest chi = new ChiSquareTest();
        stat = chi.chiSquareDataSetsComparison(ref, o);
        p = chi.chiSquareTestDataSetsComparison(ref, o);
      }
    } else if (merged.size() >= 2) {
      double[] e = merged.stream().mapToDouble(m -> m[0]).toArray();
      long[] o = merged.stream().mapToLong(m -> (long) m[1]).toArray();
      ChiSquareTest chi = new ChiSquareTest();
      stat = chi.chiSquare(e, o);
      p = chi.chiSquareTest(e, o);
    }
    if (outside > 0) {
      p = 0; // values the law cannot produce are a difference no sample size explains away
    }
    Status s = judge(p, tvd, band);
    String observedText =
        "n="
            + total
            + (twoSample ? " against a sample of " + referenceSize : "")
            + (outside > 0 ? ", " + outside + " values the law cannot produce" : "");
    String message =
        switch (s) {
          case PASS -> "follows " + lawName;
          case WARN ->
              "differs slightly from "
                  + lawName
                  + " (total variation "
                  + Numbers.percent(tvd)
                  + ", within "
                  + Numbers.percent(band.distance())
                  + ")";
          default ->
              "does not follow "
                  + lawName
                  + ": total variation "
                  + Numbers.percent(tvd)
                  + " > "
                  + Numbers.percent(band.distance())
                  + (Double.isNaN(stat)
                      ? ""
                      : (twoSample ? ", two-sample chi-square " : ", chi-square ")
                          + Numbers.text(stat))
                  + ", p = "
                  + Numbers.text(p)
                  + (outside > 0 ? ", " + outside + " unexpected values" : "");
        };
    return new Check(
        kind,
        subject,
        lawName,
        observedText,
        Double.isNaN(stat) ? null : stat,
        p,
        tvd,
        band.distance(),
        s,
        message,
        chart);
  }

  private static boolean positiveBins(long[] a, long[] b) {
    for (int i = 0; i < a.length; i++) {
      if (a[i] + b[i] == 0) {
        return false;
      }
    }
    return true;
  }

  /**
   * Adjacent bins merged until each expects at least 5 values (chi-square's usual condition); each
   * merged bin is {expected count, observed count, expected share}.
   */
  private static List<double[]> merge(double[] expected, long[] observed, long n) {
    List<double[]> out = new ArrayList<>();
    double e = 0;
    double o = 0;
    double share = 0;
    for (int i = 0; i < expected.length; i++) {
      e += expected[i] * n;
      o += observed[i];
      share += expected[i];
      if (e >= 5) {
        out.add(new double[] {e, o, share});
        e = 0;
        o = 0;
        share = 0;
      }
    }
    if (e > 0 || o > 0) {
      if (out.isEmpty()) {
        out.add(new double[] {e, o, share});
      } else {
        double[] last = out.get(out.size() - 1);
        last[0] += e;
        last[1] += o;
        last[2] += share;
      }
    }
    out.removeIf(m -> m[0] <= 0);
    return out;
  }

  static double median(double[] x) {
    double[] s = x.clone();
    Arrays.sort(s);
    return Quantiles.at(s, 0.5);
  }

  /** Counts of canonical category texts. */
  static Map<String, Long> counts(List<String> values) {
    Map<String, Long> out = new LinkedHashMap<>();
    values.forEach(v -> out.merge(v, 1L, Long::sum));
    return out;
  }
}
