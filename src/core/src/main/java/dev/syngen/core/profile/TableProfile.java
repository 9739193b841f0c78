package dev.syngen.core.profile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The shape of a table, safe to take out of production: counts, null rates, percentiles and
 * histograms of numbers and times, shares of categories that occur at least {@code k} times (rarer
 * values folded into "other"), lengths of text, and clusters of the numeric columns. No raw
 * identifier or free-text value, and no exact extreme, is recorded.
 */
public record TableProfile(
    String table,
    long rows,
    int sampled,
    int k,
    List<ColumnProfile> columns,
    Clusters clusters,
    List<Correlation> correlations) {
  public TableProfile {
    columns = List.copyOf(columns);
    correlations = correlations == null ? List.of() : List.copyOf(correlations);
  }

  /** A profile without correlations (as written before they were recorded). */
  public TableProfile(
      String table, long rows, int sampled, int k, List<ColumnProfile> columns, Clusters clusters) {
    this(table, rows, sampled, k, columns, clusters, List.of());
  }

  /** The rank correlation of two numeric columns, if it was recorded. */
  public java.util.Optional<Correlation> correlation(String a, String b) {
    return correlations.stream()
        .filter(c -> (c.a().equals(a) && c.b().equals(b)) || (c.a().equals(b) && c.b().equals(a)))
        .findFirst();
  }

  /**
   * One column. {@code type} is what the values look like (int, double, timestamp, date, bool,
   * uuid, string); {@code role} what the profile treats them as (number, time, category, flag,
   * identifier, text). Percentiles are keyed {@code p50}; for times they are ISO-8601 text. Whole
   * numbers with few distinct values also have shares; text without spaces has {@code shapes}: the
   * character-class patterns ({@code [A-Z]{3}-\\d{4}}) seen at least k times, with their shares.
   * Timestamps have {@code hours} (24 shares, hour of day in UTC) and {@code weekdays} (7 shares,
   * Monday first); a share is null where one to k-1 values fell.
   */
  public record ColumnProfile(
      String name,
      String type,
      String role,
      double nullRate,
      long distinctInSample,
      Map<String, Object> percentiles,
      List<Bin> histogram,
      Map<String, Double> shares,
      Map<String, Double> length,
      Map<String, Double> shapes,
      List<Double> hours,
      List<Double> weekdays) {
    public ColumnProfile {
      hours =
          hours == null
              ? List.of()
              : java.util.Collections.unmodifiableList(new ArrayList<>(hours));
      weekdays =
          weekdays == null
              ? List.of()
              : java.util.Collections.unmodifiableList(new ArrayList<>(weekdays));
    }

    /** A profile without arrival shapes (as written before they were recorded). */
    public ColumnProfile(
        String name,
        String type,
        String role,
        double nullRate,
        long distinctInSample,
        Map<String, Object> percentiles,
        List<Bin> histogram,
        Map<String, Double> shares,
        Map<String, Double> length,
        Map<String, Double> shapes) {
      this(
          name,
          type,
          role,
          nullRate,
          distinctInSample,
          percentiles,
          histogram,
          shares,
          length,
          shapes,
          List.of(),
          List.of());
    }

    /** A profile without character-class shapes (as written before shapes were recorded). */
    public ColumnProfile(
        String name,
        String type,
        String role,
        double nullRate,
        long distinctInSample,
        Map<String, Object> percentiles,
        List<Bin> histogram,
        Map<String, Double> shares,
        Map<String, Double> length) {
      this(
          name,
          type,
          role,
          nullRate,
          distinctInSample,
          percentiles,
          histogram,
          shares,
          length,
          Map.of());
    }
  }

  /**
   * Spearman's rank correlation of two numeric columns over the {@code pairs} sampled rows where
   * both are present: an aggregate, recorded when at least 2k rows have both and |rho| is 0.1 or
   * more.
   */
  public record Correlation(String a, String b, double spearman, int pairs) {}

  /** A histogram bucket [from, to) with its share of values; null share when under k values. */
  public record Bin(double from, double to, Double share) {}

  /**
   * Clusters of the sampled rows: numeric columns standardised, categories one-hot ({@code
   * column=value}, centred as the category's share in the cluster). {@code method} is kmeans,
   * dbscan or hierarchical; {@code noise} the share DBSCAN left in no cluster; {@code silhouette}
   * the mean silhouette (−1 … 1, above 0.5 is a clear structure); {@code separating} the columns
   * that differ most between the clusters.
   */
  public record Clusters(
      String method,
      List<String> columns,
      List<Cluster> found,
      int suppressed,
      double noise,
      double silhouette,
      List<Separation> separating) {
    public Clusters {
      method = method == null ? "kmeans" : method;
      columns = List.copyOf(columns);
      found = List.copyOf(found);
      separating = separating == null ? List.of() : List.copyOf(separating);
    }

    static Clusters none(String method, List<String> columns) {
      return new Clusters(method, columns, List.of(), 0, 0, 0, List.of());
    }
  }

  /**
   * One cluster: its share of the sampled rows, its centre, the standard deviation of its rows
   * around the centre (both in the columns' units; shares for categories) and its mean silhouette.
   */
  public record Cluster(double share, List<Double> centre, List<Double> spread, double silhouette) {
    public Cluster {
      centre = List.copyOf(centre);
      spread = spread == null ? List.of() : List.copyOf(spread);
    }
  }

  /** A column and the share of its variance that lies between the clusters (η², 0 … 1). */
  public record Separation(String column, double share) {}
}
