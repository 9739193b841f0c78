package dev.syngen.server.interfaces.console;

import dev.syngen.core.profile.TableProfile;
import dev.syngen.core.profile.TableProfile.Cluster;
import dev.syngen.core.profile.TableProfile.ColumnProfile;
import dev.syngen.core.profile.TableProfile.Separation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A table's profile as the profile page shows it: the sample, a line per column (type, role, nulls,
 * distinct values, median and spread or top shares) and the clustering insight (method, silhouette,
 * clusters with their sizes and centres, and the columns that separate them).
 */
public record ProfileView(
    String table,
    long rows,
    int sampled,
    int k,
    List<ColumnLine> columns,
    String method,
    String silhouette,
    String structure,
    String noise,
    List<String> features,
    List<ClusterLine> clusters,
    int suppressed,
    List<SeparationLine> separating,
    String pattern) {

  /** One column: what it holds, in words and numbers. */
  public record ColumnLine(
      String name, String type, String role, String nulls, long distinct, String summary) {}

  /** One cluster: its number, share of the clustered rows, silhouette and centre per feature. */
  public record ClusterLine(int number, String share, String silhouette, List<String> centre) {}

  /** A column and the share of its variance between the clusters. */
  public record SeparationLine(String column, String share) {}

  static ProfileView of(TableProfile p) {
    List<ColumnLine> columns = new ArrayList<>();
    for (ColumnProfile c : p.columns()) {
      columns.add(
          new ColumnLine(
              c.name(), c.type(), c.role(), pct(c.nullRate()), c.distinctInSample(), summary(c)));
    }
    TableProfile.Clusters found = p.clusters();
    List<ClusterLine> clusters = new ArrayList<>();
    List<SeparationLine> separating = new ArrayList<>();
    int n = 1;
    for (Cluster c : found.found()) {
      clusters.add(
          new ClusterLine(
              n++,
              pct(c.share()),
              two(c.silhouette()),
              c.centre().stream().map(ProfileView::number).toList()));
    }
    for (Separation s : found.separating()) {
      separating.add(new SeparationLine(s.column(), pct(s.share())));
    }
    return new ProfileView(
        p.table(),
        p.rows(),
        p.sampled(),
        p.k(),
        columns,
        found.method(),
        two(found.silhouette()),
        structure(found),
        found.noise() > 0 ? pct(found.noise()) : "",
        found.columns(),
        clusters,
        found.suppressed(),
        separating,
        pattern(found));
  }

  /** How clear the clusters are, in words (Kaufman and Rousseeuw's reading of the silhouette). */
  static String structure(TableProfile.Clusters c) {
    if (c.found().size() < 2) {
      return "no clusters";
    }
    double s = c.silhouette();
    return s > 0.7
        ? "strong structure"
        : s > 0.5
            ? "reasonable structure"
            : s > 0.25 ? "weak structure" : "no substantial structure";
  }

  /** The pattern in one sentence: which columns tell the clusters apart, and how much. */
  static String pattern(TableProfile.Clusters c) {
    if (c.found().size() < 2) {
      return "";
    }
    if (c.separating().isEmpty()) {
      return "No single column separates the " + c.found().size() + " clusters.";
    }
    List<String> parts = new ArrayList<>();
    for (Separation s : c.separating()) {
      parts.add(s.column() + " (" + pct(s.share()) + " of its variance between clusters)");
    }
    return "The " + c.found().size() + " clusters differ most in " + String.join(", ", parts) + ".";
  }

  private static String summary(ColumnProfile c) {
    Map<String, Object> p = c.percentiles();
    if (p != null && p.get("p50") != null) {
      return "median "
          + show(p.get("p50"))
          + (p.get("p5") != null && p.get("p95") != null
              ? ", 90% within " + show(p.get("p5")) + " … " + show(p.get("p95"))
              : "");
    }
    if (c.shares() != null && !c.shares().isEmpty()) {
      List<String> top = new ArrayList<>();
      c.shares().entrySet().stream()
          .limit(4)
          .forEach(e -> top.add(e.getKey() + " " + pct(e.getValue())));
      return String.join(", ", top) + (c.shares().size() > 4 ? ", …" : "");
    }
    if (c.length() != null && c.length().get("p50") != null) {
      return "length median " + show(c.length().get("p50"));
    }
    return "";
  }

  private static String show(Object v) {
    return v instanceof Double d ? number(d) : String.valueOf(v);
  }

  static String number(Double d) {
    if (d == null || d.isNaN()) {
      return "";
    }
    return Math.abs(d) >= 1e6 || d == Math.rint(d)
        ? String.format(Locale.ROOT, "%.0f", d)
        : String.format(Locale.ROOT, "%.3g", d);
  }

  private static String two(double d) {
    return String.format(Locale.ROOT, "%.2f", d);
  }

  private static String pct(double share) {
    return String.format(Locale.ROOT, "%.1f%%", share * 100);
  }
}
