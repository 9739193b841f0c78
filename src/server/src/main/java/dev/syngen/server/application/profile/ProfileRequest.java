package dev.syngen.server.application.profile;

import dev.syngen.core.problem.Problems;
import dev.syngen.core.profile.ClusterOptions;
import java.util.regex.Pattern;

/**
 * What to profile: a table of a stored target, a bounded sample of it, and how to cluster it.
 * {@link #of} checks every field and reports all problems together, each with its fix.
 *
 * @param table the table (a file's name without extension for csv and ndjson targets)
 * @param sample rows sampled, at most {@link #MAX_SAMPLE}
 * @param k a category or cluster is shown only when at least k sampled rows hold it
 * @param clusters the clustering method and its parameters
 */
public record ProfileRequest(String table, int sample, int k, ClusterOptions clusters) {
  /** The most rows one profile samples. */
  public static final int MAX_SAMPLE = 20_000;

  /** The most clusters the console asks k-means and hierarchical clustering for. */
  public static final int MAX_CLUSTERS = 12;

  private static final Pattern TABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

  /**
   * The request, or null with {@code problems} naming each bad field ({@code table}, {@code
   * sample}, {@code k}, {@code method}, {@code clusters}, {@code eps}, {@code min_points}).
   */
  public static ProfileRequest of(
      String table,
      Integer sample,
      Integer k,
      String method,
      Integer clusters,
      Double eps,
      Integer minPoints,
      Problems problems) {
    int before = problems.list().size();
    if (table == null || table.isBlank()) {
      problems.add("table", "is missing", "name a table of the target, e.g. telemetry");
    } else if (!TABLE.matcher(table.strip()).matches()) {
      problems.add(
          "table",
          "'" + table + "' is not a plain table name",
          "use letters, digits and _ (at most 63), starting with a letter or _");
    }
    if (sample == null || sample < 100 || sample > MAX_SAMPLE) {
      problems.add(
          "sample",
          "must be between 100 and " + MAX_SAMPLE + " rows",
          "sample 5000 rows, or fewer for a quicker answer");
    }
    if (k == null || k < 2 || k > 1000) {
      problems.add("k", "must be between 2 and 1000", "use 10: groups of fewer rows stay hidden");
    }
    ClusterOptions.Method m = null;
    try {
      m = ClusterOptions.Method.parse(method == null ? "" : method);
    } catch (IllegalArgumentException e) {
      problems.add("method", e.getMessage(), "pick kmeans, dbscan or hierarchical");
    }
    if (clusters == null || clusters < 0 || clusters > MAX_CLUSTERS) {
      problems.add(
          "clusters",
          "must be between 0 and " + MAX_CLUSTERS,
          "look for 3 clusters, or 0 for none (DBSCAN finds its own number)");
    }
    if (eps != null && !(eps > 0 && eps <= 100)) {
      problems.add("eps", "must be above 0 and at most 100", "leave it empty to estimate it");
    }
    if (minPoints == null || minPoints < 2 || minPoints > 10_000) {
      problems.add("min_points", "must be between 2 and 10000", "use 5");
    }
    if (problems.list().size() > before) {
      return null;
    }
    return new ProfileRequest(
        table.strip(), sample, k, new ClusterOptions(m, clusters, eps, minPoints));
  }
}
