package dev.syngen.core.profile;

import dev.syngen.core.profile.ClusterOptions.Method;
import dev.syngen.core.profile.TableProfile.Cluster;
import dev.syngen.core.profile.TableProfile.Clusters;
import dev.syngen.core.profile.TableProfile.Separation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.ml.clustering.CentroidCluster;
import org.apache.commons.math3.ml.clustering.DBSCANClusterer;
import org.apache.commons.math3.ml.clustering.DoublePoint;
import org.apache.commons.math3.ml.clustering.KMeansPlusPlusClusterer;
import org.apache.commons.math3.ml.clustering.MultiKMeansPlusPlusClusterer;
import org.apache.commons.math3.ml.distance.EuclideanDistance;
import org.apache.commons.math3.random.JDKRandomGenerator;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;

/**
 * Patterns across columns: k-means++ (the best of ten seeded starts) or DBSCAN (commons-math3) or
 * Ward hierarchical clustering ({@link Agglomerative}) over the sampled rows that have every
 * numeric column, z-scored, plus a one-hot dimension per category that occurs at least k times
 * (scaled by 1/√2, so two rows that differ in one category are as far apart as one standard
 * deviation). Centres come back in the columns' units, one-hot dimensions as the category's share
 * in the cluster. Each finding carries its silhouette (how well rows sit in their own cluster
 * rather than the next: −1 … 1) and the columns that separate the clusters most (the share of a
 * column's variance between clusters). Clusters with fewer than k rows are not reported, so no
 * small group can be singled out.
 */
final class ClusterInsight {
  private static final int ITERATIONS = 100;
  private static final int STARTS = 10;

  /** Rows the quadratic parts (hierarchical, DBSCAN, silhouettes) work on at most. */
  static final int QUADRATIC_ROWS = 2_000;

  private static final double ONE_HOT = Math.sqrt(0.5);
  private final ClusterOptions options;
  private final int k;
  private final long seed;

  ClusterInsight(ClusterOptions options, int k, long seed) {
    this.options = options;
    this.k = k;
    this.seed = seed;
  }

  Clusters find(Map<String, double[]> numeric, Map<String, String[]> categories) {
    String method = options.method().label();
    if (options.off() || numeric.isEmpty()) {
      return Clusters.none(method, new ArrayList<>(numeric.keySet()));
    }
    Features f = Features.of(numeric, categories, k);
    if (f.rows.length < Math.max(options.clusters(), 1) * k) {
      return Clusters.none(method, f.names);
    }
    double[][] points = f.rows;
    if (options.method() != Method.KMEANS && points.length > QUADRATIC_ROWS) {
      points = spread(points, QUADRATIC_ROWS);
    }
    int[] label = label(points);
    return summarise(method, f, points, label);
  }

  /** Each point's cluster, or -1 for DBSCAN's noise. */
  private int[] label(double[][] points) {
    List<DoublePoint> list = new ArrayList<>(points.length);
    for (double[] p : points) {
      list.add(new DoublePoint(p));
    }
    List<? extends org.apache.commons.math3.ml.clustering.Cluster<DoublePoint>> found;
    switch (options.method()) {
      case HIERARCHICAL -> {
        return Agglomerative.cluster(points, options.clusters());
      }
      case DBSCAN -> {
        double eps = options.eps() != null ? options.eps() : estimateEps(points);
        found = new DBSCANClusterer<DoublePoint>(eps, options.minPoints()).cluster(list);
      }
      default -> {
        JDKRandomGenerator random = new JDKRandomGenerator();
        random.setSeed(seed);
        // the best of several seeded k-means++ starts: one start can settle in a local optimum
        // (two real groups merged, another split), as scikit-learn's n_init guards against
        List<CentroidCluster<DoublePoint>> centroids =
            new MultiKMeansPlusPlusClusterer<DoublePoint>(
                    new KMeansPlusPlusClusterer<DoublePoint>(
                        options.clusters(), ITERATIONS, new EuclideanDistance(), random),
                    STARTS)
                .cluster(list);
        found = centroids;
      }
    }
    Map<double[], Integer> of = new java.util.IdentityHashMap<>();
    for (int c = 0; c < found.size(); c++) {
      for (DoublePoint p : found.get(c).getPoints()) {
        of.put(p.getPoint(), c);
      }
    }
    int[] label = new int[points.length];
    for (int i = 0; i < label.length; i++) {
      label[i] = of.getOrDefault(list.get(i).getPoint(), -1);
    }
    return label;
  }

  /**
   * DBSCAN's radius when none is given: the median distance of a point to its min-points-th nearest
   * neighbour (the knee a k-distance plot shows, without the plot), on up to 500 points.
   */
  private double estimateEps(double[][] points) {
    double[][] probe = spread(points, 500);
    int m = Math.min(options.minPoints(), points.length - 1);
    double[] kth = new double[probe.length];
    double[] distances = new double[points.length];
    for (int i = 0; i < probe.length; i++) {
      for (int j = 0; j < points.length; j++) {
        distances[j] = Math.sqrt(Agglomerative.squared(probe[i], points[j]));
      }
      Arrays.sort(distances);
      kth[i] = distances[m];
    }
    Arrays.sort(kth);
    double knee = kth[(int) (kth.length * 0.9)];
    return knee > 0 ? knee : 0.5;
  }

  private Clusters summarise(String method, Features f, double[][] points, int[] label) {
    int groups = Arrays.stream(label).max().orElse(-1) + 1;
    int dims = f.names.size();
    long[] size = new long[groups];
    double[][] sum = new double[groups][dims];
    double[][] squares = new double[groups][dims];
    long noise = 0;
    for (int i = 0; i < points.length; i++) {
      if (label[i] < 0) {
        noise++;
        continue;
      }
      size[label[i]]++;
      for (int d = 0; d < dims; d++) {
        sum[label[i]][d] += points[i][d];
        squares[label[i]][d] += points[i][d] * points[i][d];
      }
    }
    double[] silhouettes = silhouettes(points, label, groups);
    List<Cluster> out = new ArrayList<>();
    int suppressed = 0;
    double total = points.length;
    for (int c = 0; c < groups; c++) {
      if (size[c] < k) {
        suppressed++;
        continue;
      }
      List<Double> centre = new ArrayList<>();
      List<Double> spread = new ArrayList<>();
      for (int d = 0; d < dims; d++) {
        double mean = sum[c][d] / size[c];
        centre.add(f.unscale(d, mean));
        double variance = Math.max(0, squares[c][d] / size[c] - mean * mean);
        spread.add(f.stretch(d, Math.sqrt(variance)));
      }
      out.add(new Cluster(size[c] / total, centre, spread, silhouettes[c + 1]));
    }
    out.sort(Comparator.comparingDouble(Cluster::share).reversed());
    return new Clusters(
        method,
        f.names,
        out,
        suppressed,
        noise / total,
        silhouettes[0],
        separations(f.names, points, label, groups));
  }

  /**
   * The mean silhouette of all clustered points (index 0) and of each cluster (index c + 1), on up
   * to {@link #QUADRATIC_ROWS} points; 0 where it is undefined (one cluster, or a single point).
   */
  private static double[] silhouettes(double[][] all, int[] allLabel, int groups) {
    double[] out = new double[groups + 1];
    if (groups < 2) {
      return out;
    }
    int[] pick = stride(all.length, QUADRATIC_ROWS);
    double[] sumOf = new double[groups + 1];
    long[] countOf = new long[groups + 1];
    double[] distanceTo = new double[groups];
    long[] membersOf = new long[groups];
    for (int i : pick) {
      int own = allLabel[i];
      if (own < 0) {
        continue;
      }
      Arrays.fill(distanceTo, 0);
      Arrays.fill(membersOf, 0);
      for (int j : pick) {
        if (j != i && allLabel[j] >= 0) {
          distanceTo[allLabel[j]] += Math.sqrt(Agglomerative.squared(all[i], all[j]));
          membersOf[allLabel[j]]++;
        }
      }
      if (membersOf[own] == 0) {
        continue; // a point alone in its cluster has silhouette 0 by definition
      }
      double a = distanceTo[own] / membersOf[own];
      double b = Double.POSITIVE_INFINITY;
      for (int c = 0; c < groups; c++) {
        if (c != own && membersOf[c] > 0) {
          b = Math.min(b, distanceTo[c] / membersOf[c]);
        }
      }
      double s = b == Double.POSITIVE_INFINITY ? 0 : (b - a) / Math.max(a, b);
      sumOf[0] += s;
      countOf[0]++;
      sumOf[own + 1] += s;
      countOf[own + 1]++;
    }
    for (int c = 0; c <= groups; c++) {
      out[c] = countOf[c] == 0 ? 0 : sumOf[c] / countOf[c];
    }
    return out;
  }

  /**
   * The columns whose variance lies most between the clusters (the correlation ratio η²: between
   * -cluster sum of squares over total; a category's one-hot dimensions count together), highest
   * first, at most five.
   */
  private static List<Separation> separations(
      List<String> names, double[][] points, int[] label, int groups) {
    Map<String, double[]> squares = new LinkedHashMap<>(); // column -> {between, total}
    if (groups < 2) {
      return List.of();
    }
    for (int d = 0; d < names.size(); d++) {
      SummaryStatistics all = new SummaryStatistics();
      SummaryStatistics[] per = new SummaryStatistics[groups];
      for (int c = 0; c < groups; c++) {
        per[c] = new SummaryStatistics();
      }
      for (int i = 0; i < points.length; i++) {
        if (label[i] >= 0) {
          all.addValue(points[i][d]);
          per[label[i]].addValue(points[i][d]);
        }
      }
      double between = 0;
      for (SummaryStatistics s : per) {
        if (s.getN() > 0) {
          double delta = s.getMean() - all.getMean();
          between += s.getN() * delta * delta;
        }
      }
      String column = names.get(d).contains("=") ? names.get(d).split("=", 2)[0] : names.get(d);
      double[] sum = squares.computeIfAbsent(column, c -> new double[2]);
      sum[0] += between;
      sum[1] += all.getVariance() * (all.getN() - 1);
    }
    List<Separation> out = new ArrayList<>();
    squares.forEach(
        (column, sum) -> {
          if (sum[1] > 0) {
            out.add(new Separation(column, Math.min(1, sum[0] / sum[1])));
          }
        });
    out.sort(Comparator.comparingDouble(Separation::share).reversed());
    return List.copyOf(out.subList(0, Math.min(5, out.size())));
  }

  /** Up to {@code most} rows spread evenly over the sample (deterministic: every n-th). */
  private static double[][] spread(double[][] rows, int most) {
    int[] pick = stride(rows.length, most);
    double[][] out = new double[pick.length][];
    for (int i = 0; i < pick.length; i++) {
      out[i] = rows[pick[i]];
    }
    return out;
  }

  private static int[] stride(int n, int most) {
    int m = Math.min(n, most);
    int[] pick = new int[m];
    for (int i = 0; i < m; i++) {
      pick[i] = (int) ((long) i * n / m);
    }
    return pick;
  }

  /** The clustering space: complete rows, z-scored numbers, scaled one-hot categories. */
  private record Features(List<String> names, double[][] rows, double[] mean, double[] std) {
    static Features of(Map<String, double[]> numeric, Map<String, String[]> categories, int k) {
      List<String> names = new ArrayList<>(numeric.keySet());
      int numbers = names.size();
      int n = numeric.get(names.get(0)).length;
      double[] mean = new double[numbers];
      double[] std = new double[numbers];
      for (int c = 0; c < numbers; c++) {
        SummaryStatistics s = new SummaryStatistics();
        for (double v : numeric.get(names.get(c))) {
          if (!Double.isNaN(v)) {
            s.addValue(v);
          }
        }
        mean[c] = s.getMean();
        std[c] = s.getStandardDeviation() > 0 ? s.getStandardDeviation() : 1;
      }
      List<String[]> oneHotColumn = new ArrayList<>();
      List<String> oneHotValue = new ArrayList<>();
      for (Map.Entry<String, String[]> e : categories.entrySet()) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String v : e.getValue()) {
          if (v != null) {
            counts.merge(v, 1, Integer::sum);
          }
        }
        counts.entrySet().stream()
            .filter(c -> c.getValue() >= k)
            .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
            .limit(10)
            .forEach(
                c -> {
                  names.add(e.getKey() + "=" + c.getKey());
                  oneHotColumn.add(e.getValue());
                  oneHotValue.add(c.getKey());
                });
      }
      List<double[]> rows = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        double[] p = new double[names.size()];
        boolean complete = true;
        for (int c = 0; c < numbers; c++) {
          double v = numeric.get(names.get(c))[i];
          complete &= !Double.isNaN(v);
          p[c] = (v - mean[c]) / std[c];
        }
        for (int h = 0; h < oneHotColumn.size(); h++) {
          p[numbers + h] = oneHotValue.get(h).equals(oneHotColumn.get(h)[i]) ? ONE_HOT : 0;
        }
        if (complete) {
          rows.add(p);
        }
      }
      return new Features(names, rows.toArray(double[][]::new), mean, std);
    }

    /** A length of the clustering space back in its column's units. */
    double stretch(int d, double z) {
      return d < mean.length ? z * std[d] : z / ONE_HOT;
    }

    /** A coordinate of the clustering space back in its column's units (a share for one-hot). */
    double unscale(int d, double z) {
      return d < mean.length ? mean[d] + z * std[d] : z / ONE_HOT;
    }
  }
}
