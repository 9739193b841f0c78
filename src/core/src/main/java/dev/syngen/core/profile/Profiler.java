package dev.syngen.core.profile;

import dev.syngen.core.engine.ValueFormat;
import dev.syngen.core.fidelity.TableSource;
import dev.syngen.core.profile.TableProfile.Bin;
import dev.syngen.core.profile.TableProfile.ColumnProfile;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;

/**
 * Profiles a table from a uniform sample: per column its type, role, null rate, distinct count,
 * percentiles and histogram (numbers, times), category shares (only values seen at least k times;
 * the rest folded into "other"), text lengths; then clusters of the numeric columns.
 */
public final class Profiler {
  static final double[] PERCENTILES = {
    0.005, 0.01, 0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99, 0.995
  };
  private static final int BINS = 20;
  private static final double IDENTIFIER_RATIO = 0.9;

  /** Whole numbers with at most this many distinct values also get their shares. */
  private static final int FEW_VALUES = 30;

  private final int k;
  private final int sampleRows;
  private final ClusterOptions clusters;
  private final long seed;

  public Profiler(int k, int sampleRows, int clusters, long seed) {
    this(k, sampleRows, ClusterOptions.kmeans(clusters), seed);
  }

  public Profiler(int k, int sampleRows, ClusterOptions clusters, long seed) {
    if (k < 2) {
      throw new IllegalArgumentException("k must be at least 2, got " + k);
    }
    this.k = k;
    this.sampleRows = sampleRows;
    this.clusters = clusters;
    this.seed = seed;
  }

  public TableProfile profile(TableSource source, String table) {
    List<String> names = source.columns(table);
    TableSource.Sample sample = source.sample(table, names, sampleRows, seed);
    List<ColumnProfile> columns = new ArrayList<>();
    Map<String, double[]> numeric = new LinkedHashMap<>();
    Map<String, String[]> categories = new LinkedHashMap<>();
    for (int c = 0; c < names.size(); c++) {
      List<String> present = new ArrayList<>();
      for (String[] row : sample.values()) {
        if (row[c] != null) {
          present.add(row[c]);
        }
      }
      ColumnProfile p = column(names.get(c), present, sample.values().size());
      columns.add(p);
      if (p.role().equals("number")) {
        numeric.put(p.name(), values(sample.values(), c, p.type()));
      } else if (p.role().equals("category") || p.role().equals("flag")) {
        String[] text = new String[sample.values().size()];
        for (int i = 0; i < text.length; i++) {
          text[i] = sample.values().get(i)[c];
        }
        categories.put(p.name(), text);
      }
    }
    return new TableProfile(
        table,
        sample.rows(),
        sample.values().size(),
        k,
        columns,
        new ClusterInsight(clusters, k, seed).find(numeric, categories),
        correlations(numeric));
  }

  /** Columns compared pairwise for rank correlation (pairs grow with the square). */
  private static final int MAX_CORRELATED_COLUMNS = 24;

  private static final double MIN_CORRELATION = 0.1;

  /** Spearman's rho of every pair of numeric columns, over rows where both are present. */
  private List<TableProfile.Correlation> correlations(Map<String, double[]> numeric) {
    List<String> names = new ArrayList<>(numeric.keySet());
    List<TableProfile.Correlation> out = new ArrayList<>();
    SpearmansCorrelation spearman = new SpearmansCorrelation();
    int n = Math.min(names.size(), MAX_CORRELATED_COLUMNS);
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        double[] x = numeric.get(names.get(i));
        double[] y = numeric.get(names.get(j));
        int pairs = 0;
        for (int r = 0; r < x.length; r++) {
          if (!Double.isNaN(x[r]) && !Double.isNaN(y[r])) {
            pairs++;
          }
        }
        if (pairs < Math.max(2 * k, 30)) {
          continue;
        }
        double[] a = new double[pairs];
        double[] b = new double[pairs];
        for (int r = 0, p = 0; r < x.length; r++) {
          if (!Double.isNaN(x[r]) && !Double.isNaN(y[r])) {
            a[p] = x[r];
            b[p++] = y[r];
          }
        }
        double rho = spearman.correlation(a, b);
        if (Math.abs(rho) >= MIN_CORRELATION) {
          out.add(
              new TableProfile.Correlation(
                  names.get(i), names.get(j), Math.rint(rho * 1000) / 1000, pairs));
        }
      }
    }
    return out;
  }

  /** Column c of every sampled row as numbers, NaN where NULL. */
  private static double[] values(List<String[]> rows, int c, String type) {
    double[] out = new double[rows.size()];
    for (int i = 0; i < out.length; i++) {
      String v = rows.get(i)[c];
      out[i] = v == null ? Double.NaN : ValueTypes.number(type, v);
    }
    return out;
  }

  private ColumnProfile column(String name, List<String> present, int sampled) {
    double nullRate = sampled == 0 ? 0 : 1 - present.size() / (double) sampled;
    Set<String> distinct = new HashSet<>(present);
    String type = ValueTypes.infer(present);
    String role = role(type, distinct.size(), present);
    Map<String, Object> percentiles = Map.of();
    List<Bin> histogram = List.of();
    Map<String, Double> shares = Map.of();
    Map<String, Double> length = Map.of();
    Map<String, Double> shapes = Map.of();
    List<Double> hours = List.of();
    List<Double> weekdays = List.of();
    switch (role) {
      case "number", "time" -> {
        double[] x =
            present.stream().mapToDouble(v -> ValueTypes.number(type, v)).sorted().toArray();
        percentiles = percentiles(x, type);
        histogram = histogram(x);
        if (type.equals("int") && distinct.size() <= FEW_VALUES) {
          shares = shares(present, type);
        }
        if (type.equals("timestamp")) {
          long[] millis = Arrays.stream(x).mapToLong(Math::round).toArray();
          hours = Arrivals.hourShares(millis, k);
          weekdays = Arrivals.weekdayShares(millis, k);
        }
      }
      case "category", "flag" -> shares = shares(present, type);
      default -> {
        length = lengths(present);
        shapes = Shapes.of(present, k);
      }
    }
    return new ColumnProfile(
        name,
        type,
        role,
        nullRate,
        distinct.size(),
        percentiles,
        histogram,
        shares,
        length,
        shapes,
        hours,
        weekdays);
  }

  private String role(String type, int distinct, List<String> present) {
    boolean unique = present.size() >= 2 * k && distinct >= IDENTIFIER_RATIO * present.size();
    return switch (type) {
      case "bool" -> "flag";
      case "uuid" -> "identifier";
      case "int" -> unique ? "identifier" : "number";
      case "double" -> "number";
      case "timestamp", "date" -> "time";
      default -> {
        if (!unique && commonShare(present) >= 0.5) {
          yield "category";
        }
        yield present.stream().anyMatch(v -> v.indexOf(' ') >= 0) ? "text" : "identifier";
      }
    };
  }

  /** The share of values that occur at least k times. */
  private double commonShare(List<String> present) {
    Map<String, Integer> counts = new HashMap<>();
    present.forEach(v -> counts.merge(v, 1, Integer::sum));
    long common = counts.values().stream().filter(n -> n >= k).mapToLong(Integer::longValue).sum();
    return present.isEmpty() ? 0 : common / (double) present.size();
  }

  private static Map<String, Object> percentiles(double[] sorted, String type) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (double p : PERCENTILES) {
      double v = quantile(sorted, p);
      String key =
          "p"
              + (p * 100 == Math.rint(p * 100)
                  ? Long.toString(Math.round(p * 100))
                  : Double.toString(p * 100));
      out.put(
          key,
          switch (type) {
            case "timestamp" -> ValueFormat.timestamp(Math.round(v));
            case "date" -> ValueFormat.date(Math.round(v));
            default -> v;
          });
    }
    return out;
  }

  static double quantile(double[] sorted, double p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    double pos = p * (sorted.length - 1);
    int i = (int) Math.floor(pos);
    return i >= sorted.length - 1
        ? sorted[sorted.length - 1]
        : sorted[i] + (pos - i) * (sorted[i + 1] - sorted[i]);
  }

  /**
   * 20 equal-width buckets over the central 99% of values; buckets under k values hide their share.
   */
  private List<Bin> histogram(double[] sorted) {
    if (sorted.length == 0) {
      return List.of();
    }
    double lo = quantile(sorted, 0.005);
    double hi = quantile(sorted, 0.995);
    if (!(hi > lo)) {
      return List.of();
    }
    double width = (hi - lo) / BINS;
    long[] counts = new long[BINS];
    for (double v : sorted) {
      int b = (int) Math.floor((v - lo) / width);
      if (b >= 0 && b < BINS) {
        counts[b]++;
      } else if (v == hi) {
        counts[BINS - 1]++;
      }
    }
    List<Bin> out = new ArrayList<>();
    for (int b = 0; b < BINS; b++) {
      out.add(
          new Bin(
              lo + b * width,
              lo + (b + 1) * width,
              counts[b] < k ? null : counts[b] / (double) sorted.length));
    }
    return out;
  }

  /** Shares of values seen at least k times; the rest as "other". */
  private Map<String, Double> shares(List<String> present, String type) {
    Map<String, Integer> counts = new HashMap<>();
    for (String v : present) {
      String key =
          type.equals("bool")
              ? Boolean.toString(v.trim().toLowerCase(Locale.ROOT).startsWith("t"))
              : v;
      counts.merge(key, 1, Integer::sum);
    }
    Map<String, Double> out = new LinkedHashMap<>();
    double other = 0;
    List<Map.Entry<String, Integer>> sorted = new ArrayList<>(counts.entrySet());
    sorted.sort(Map.Entry.<String, Integer>comparingByValue().reversed());
    for (Map.Entry<String, Integer> e : sorted) {
      double share = e.getValue() / (double) present.size();
      if (e.getValue() >= k) {
        out.put(e.getKey(), share);
      } else {
        other += share;
      }
    }
    if (other > 0) {
      out.merge("other", other, Double::sum);
    }
    return out;
  }

  private static Map<String, Double> lengths(List<String> present) {
    double[] len = present.stream().mapToDouble(String::length).sorted().toArray();
    if (len.length == 0) {
      return Map.of();
    }
    Map<String, Double> out = new LinkedHashMap<>();
    out.put("p5", quantile(len, 0.05));
    out.put("p50", quantile(len, 0.5));
    out.put("p95", quantile(len, 0.95));
    out.put("mean", Arrays.stream(len).average().orElse(0));
    return out;
  }
}
