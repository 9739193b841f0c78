package dev.syngen.core.profile;

import dev.syngen.core.profile.TableProfile.Cluster;
import dev.syngen.core.profile.TableProfile.Clusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.ml.clustering.CentroidCluster;
import org.apache.commons.math3.ml.clustering.DoublePoint;
import org.apache.commons.math3.ml.clustering.KMeansPlusPlusClusterer;
import org.apache.commons.math3.ml.distance.EuclideanDistance;
import org.apache.commons.math3.random.JDKRandomGenerator;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;

/**
 * Patterns across numeric columns: k-means++ (commons-math3) on the z-scored rows that have every
 * numeric column, centres reported back in the columns' units. Clusters with fewer than k rows are
 * not reported, so no small group can be singled out.
 */
final class ClusterInsight {
  private static final int ITERATIONS = 100;
  private final int clusters;
  private final int k;
  private final long seed;

  ClusterInsight(int clusters, int k, long seed) {
    this.clusters = clusters;
    this.k = k;
    this.seed = seed;
  }

  Clusters find(Map<String, double[]> numeric) {
    List<String> names = new ArrayList<>(numeric.keySet());
    if (clusters < 1 || names.isEmpty()) {
      return new Clusters(names, List.of(), 0);
    }
    int n = numeric.get(names.get(0)).length;
    double[] mean = new double[names.size()];
    double[] std = new double[names.size()];
    for (int c = 0; c < names.size(); c++) {
      SummaryStatistics s = new SummaryStatistics();
      for (double v : numeric.get(names.get(c))) {
        if (!Double.isNaN(v)) {
          s.addValue(v);
        }
      }
      mean[c] = s.getMean();
      std[c] = s.getStandardDeviation() > 0 ? s.getStandardDeviation() : 1;
    }
    List<DoublePoint> points = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      double[] p = new double[names.size()];
      boolean complete = true;
      for (int c = 0; c < p.length; c++) {
        double v = numeric.get(names.get(c))[i];
        complete &= !Double.isNaN(v);
        p[c] = (v - mean[c]) / std[c];
      }
      if (complete) {
        points.add(new DoublePoint(p));
      }
    }
    if (points.size() < clusters * k) {
      return new Clusters(names, List.of(), 0);
    }
    JDKRandomGenerator random = new JDKRandomGenerator();
    random.setSeed(seed);
    List<CentroidCluster<DoublePoint>> found =
        new KMeansPlusPlusClusterer<DoublePoint>(
                clusters, ITERATIONS, new EuclideanDistance(), random)
            .cluster(points);
    List<Cluster> out = new ArrayList<>();
    int suppressed = 0;
    for (CentroidCluster<DoublePoint> c : found) {
      if (c.getPoints().size() < k) {
        suppressed++;
        continue;
      }
      double[] z = c.getCenter().getPoint();
      List<Double> centre = new ArrayList<>();
      for (int d = 0; d < z.length; d++) {
        centre.add(mean[d] + z[d] * std[d]);
      }
      out.add(new Cluster(c.getPoints().size() / (double) points.size(), centre));
    }
    out.sort(Comparator.comparingDouble(Cluster::share).reversed());
    return new Clusters(names, out, suppressed);
  }
}
