package dev.syngen.core.profile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.syngen.core.profile.ClusterOptions.Method;
import dev.syngen.core.profile.TableProfile.Cluster;
import dev.syngen.core.profile.TableProfile.Clusters;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ClusterInsightTest {
  /**
   * Three groups of 300 rows: (amount, age) around (10, 20), (100, 60), (500, 35), each with its
   * own segment, plus a constant-noise column that separates nothing; with {@code outliers}, 30
   * rows scattered far from every group.
   */
  private static Object[] blobs(int outliers) {
    Random r = new Random(11);
    int n = 900 + outliers;
    double[] amount = new double[n];
    double[] age = new double[n];
    double[] jitter = new double[n];
    String[] segment = new String[n];
    double[][] centres = {{10, 20}, {100, 60}, {500, 35}};
    String[] segments = {"retail", "pro", "enterprise"};
    for (int i = 0; i < 900; i++) {
      int g = i % 3;
      amount[i] = centres[g][0] + r.nextGaussian() * 4;
      age[i] = centres[g][1] + r.nextGaussian() * 2;
      jitter[i] = r.nextGaussian();
      segment[i] = segments[g];
    }
    for (int i = 900; i < n; i++) {
      amount[i] = 1_000 + r.nextDouble() * 5_000;
      age[i] = 90 + r.nextDouble() * 200;
      jitter[i] = r.nextGaussian();
      segment[i] = null;
    }
    Map<String, double[]> numeric = new LinkedHashMap<>();
    numeric.put("amount", amount);
    numeric.put("age", age);
    numeric.put("jitter", jitter);
    Map<String, String[]> categories = new LinkedHashMap<>();
    categories.put("segment", segment);
    return new Object[] {numeric, categories};
  }

  @SuppressWarnings("unchecked")
  private static Clusters find(ClusterOptions o, int outliers) {
    Object[] data = blobs(outliers);
    return new ClusterInsight(o, 10, 42)
        .find((Map<String, double[]>) data[0], (Map<String, String[]>) data[1]);
  }

  private static void threeClearGroups(Clusters c, String method) {
    assertEquals(method, c.method());
    assertEquals(3, c.found().size(), c.toString());
    for (Cluster cluster : c.found()) {
      assertEquals(1.0 / 3, cluster.share(), 0.02, c.toString());
    }
    assertTrue(c.silhouette() > 0.5, "silhouette " + c.silhouette());
    assertEquals(
        List.of("amount", "age", "jitter", "segment=retail", "segment=pro", "segment=enterprise")
            .size(),
        c.columns().size(),
        c.columns().toString());
    // the jitter column separates nothing; the real columns separate almost everything
    assertEquals(4, c.separating().size(), c.separating().toString());
    String last = c.separating().get(c.separating().size() - 1).column();
    assertEquals("jitter", last, c.separating().toString());
    assertTrue(c.separating().get(0).share() > 0.9, c.separating().toString());
  }

  @Test
  void kMeansFindsTheThreeGroupsWithTheirCentresInTheColumnsUnits() {
    Clusters c = find(ClusterOptions.kmeans(3), 0);
    threeClearGroups(c, "kmeans");
    boolean enterprise = false;
    for (Cluster cluster : c.found()) {
      double amount = cluster.centre().get(0);
      if (Math.abs(amount - 500) < 5) {
        enterprise = true;
        // a one-hot dimension comes back as the category's share in the cluster
        assertEquals(1.0, cluster.centre().get(5), 1e-9, cluster.toString());
        assertEquals(35, cluster.centre().get(1), 1);
      }
    }
    assertTrue(enterprise, c.toString());
  }

  @Test
  void hierarchicalWardFindsTheSameGroups() {
    threeClearGroups(find(new ClusterOptions(Method.HIERARCHICAL, 3, null, 5), 0), "hierarchical");
  }

  @Test
  void dbscanFindsTheGroupsOnItsOwnAndCallsTheScatteredRowsNoise() {
    Clusters c = find(new ClusterOptions(Method.DBSCAN, 0, null, 5), 30);
    assertEquals("dbscan", c.method());
    assertEquals(3, c.found().size(), c.toString());
    // the 30 scattered rows (3.2 %) and no more than a few Gaussian tails of the groups
    assertTrue(c.noise() >= 30 / 930.0 && c.noise() < 0.10, "noise " + c.noise());
    // the outliers stretch the standardised scale, so the jitter column weighs more here
    assertTrue(c.silhouette() > 0.3, "silhouette " + c.silhouette());
  }

  @Test
  void theSameSampleGivesTheSameClusters() {
    for (Method m : Method.values()) {
      ClusterOptions o = new ClusterOptions(m, 3, null, 5);
      assertEquals(find(o, 30), find(o, 30), m.label());
    }
  }

  @Test
  void wardOnASmallExampleCutsWhereTheDendrogramDoes() {
    double[][] points = {{0}, {1}, {10}, {11}, {30}, {31.5}};
    assertArrayEquals(new int[] {0, 0, 1, 1, 2, 2}, Agglomerative.cluster(points, 3));
    assertArrayEquals(new int[] {0, 0, 0, 0, 1, 1}, Agglomerative.cluster(points, 2));
    assertArrayEquals(new int[] {0, 0, 0, 0, 0, 0}, Agglomerative.cluster(points, 1));
  }

  @Test
  void clustersUnderKRowsAreNotReported() {
    Clusters c = find(new ClusterOptions(Method.HIERARCHICAL, 4, null, 5), 5);
    assertEquals(1, c.suppressed(), c.toString());
    assertEquals(3, c.found().size(), c.toString());
  }

  @Test
  void badOptionsSayWhatIsAllowed() {
    assertThrows(
        IllegalArgumentException.class, () -> new ClusterOptions(Method.DBSCAN, 0, -1.0, 5));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Method.parse("spectral"));
    assertTrue(e.getMessage().contains("kmeans, dbscan or hierarchical"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> ClusterOptions.kmeans(51));
  }
}
