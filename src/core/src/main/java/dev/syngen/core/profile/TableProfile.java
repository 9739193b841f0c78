package dev.syngen.core.profile;

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
      Map<String, Double> shapes) {
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

  /** k-means clusters of the standardised numeric columns, in the columns' own units. */
  public record Clusters(List<String> columns, List<Cluster> found, int suppressed) {
    public Clusters {
      columns = List.copyOf(columns);
      found = List.copyOf(found);
    }
  }

  /** One cluster: its share of the sampled rows and its centre. */
  public record Cluster(double share, List<Double> centre) {
    public Cluster {
      centre = List.copyOf(centre);
    }
  }
}
