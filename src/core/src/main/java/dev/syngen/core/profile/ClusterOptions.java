package dev.syngen.core.profile;

import java.util.Locale;

/**
 * How a profile looks for clusters: the method, and its parameters.
 *
 * @param method k-means++, DBSCAN or hierarchical (agglomerative, Ward linkage)
 * @param clusters how many clusters k-means and hierarchical look for; 0 for no clustering
 * @param eps DBSCAN's neighbourhood radius in standardised units; null to estimate it from the data
 * @param minPoints DBSCAN's least neighbours of a core point
 */
public record ClusterOptions(Method method, int clusters, Double eps, int minPoints) {
  /** The clustering methods a profile offers. */
  public enum Method {
    KMEANS,
    DBSCAN,
    HIERARCHICAL;

    /** The method's name as options and documents spell it. */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** Reads {@code kmeans}, {@code dbscan} or {@code hierarchical}, with the fix when unknown. */
    public static Method parse(String text) {
      for (Method m : values()) {
        if (m.label().equals(text.strip().toLowerCase(Locale.ROOT))) {
          return m;
        }
      }
      throw new IllegalArgumentException(
          "cluster method '" + text + "' is not known; use kmeans, dbscan or hierarchical");
    }
  }

  public static final int MAX_CLUSTERS = 50;

  public ClusterOptions {
    if (clusters < 0 || clusters > MAX_CLUSTERS) {
      throw new IllegalArgumentException(
          "clusters must be between 0 and " + MAX_CLUSTERS + ", got " + clusters);
    }
    if (eps != null && !(eps > 0 && eps <= 100)) {
      throw new IllegalArgumentException("eps must be above 0 and at most 100, got " + eps);
    }
    if (minPoints < 2 || minPoints > 10_000) {
      throw new IllegalArgumentException(
          "min-points must be between 2 and 10000, got " + minPoints);
    }
  }

  /** k-means++ with this many clusters (0: none), as profiles did before the other methods. */
  public static ClusterOptions kmeans(int clusters) {
    return new ClusterOptions(Method.KMEANS, clusters, null, 5);
  }

  boolean off() {
    return method != Method.DBSCAN && clusters == 0;
  }
}
