package dev.syngen.core.profile;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Hierarchical (agglomerative) clustering with Ward linkage: the nearest-neighbour-chain algorithm
 * builds the whole dendrogram in O(n²) time and memory (Lance–Williams updates of squared
 * distances), then the merges are replayed in order of height until {@code clusters} remain — the
 * same cut a dendrogram drawn by any Ward implementation gives.
 */
final class Agglomerative {
  private Agglomerative() {}

  private record Merge(int a, int b, double height) {}

  /** The cluster index (0 … clusters-1, by first point) of each point. */
  static int[] cluster(double[][] points, int clusters) {
    int n = points.length;
    if (clusters >= n) {
      int[] own = new int[n];
      Arrays.setAll(own, i -> i);
      return own;
    }
    double[] d = new double[n * (n - 1) / 2];
    for (int i = 1; i < n; i++) {
      for (int j = 0; j < i; j++) {
        d[index(i, j)] = squared(points[i], points[j]);
      }
    }
    int[] size = new int[n];
    Arrays.fill(size, 1);
    boolean[] active = new boolean[n];
    Arrays.fill(active, true);
    List<Merge> merges = new ArrayList<>(n - 1);
    int[] chain = new int[n];
    int top = 0;
    int remaining = n;
    while (remaining > 1) {
      if (top == 0) {
        int first = 0;
        while (!active[first]) {
          first++;
        }
        chain[top++] = first;
      }
      int a = chain[top - 1];
      int previous = top >= 2 ? chain[top - 2] : -1;
      int b = previous;
      double best = previous >= 0 ? d[index(a, previous)] : Double.POSITIVE_INFINITY;
      for (int k = 0; k < n; k++) {
        if (active[k] && k != a) {
          double dk = d[index(a, k)];
          if (dk < best) {
            best = dk;
            b = k;
          }
        }
      }
      if (b != previous) {
        chain[top++] = b;
        continue;
      }
      top -= 2;
      merges.add(new Merge(a, b, best));
      // a ∪ b lives on in slot b; Ward's update of every other cluster's distance to it
      int na = size[a];
      int nb = size[b];
      for (int k = 0; k < n; k++) {
        if (active[k] && k != a && k != b) {
          int nk = size[k];
          double dk =
              ((na + nk) * d[index(a, k)] + (nb + nk) * d[index(b, k)] - nk * best)
                  / (na + nb + nk);
          d[index(b, k)] = dk;
        }
      }
      active[a] = false;
      size[b] = na + nb;
      remaining--;
    }
    merges.sort(Comparator.comparingDouble(Merge::height));
    int[] parent = new int[n];
    Arrays.setAll(parent, i -> i);
    for (int m = 0; m < n - clusters; m++) {
      Merge merge = merges.get(m);
      parent[find(parent, merge.a)] = find(parent, merge.b);
    }
    int[] label = new int[n];
    int[] number = new int[n];
    Arrays.fill(number, -1);
    int next = 0;
    for (int i = 0; i < n; i++) {
      int root = find(parent, i);
      if (number[root] < 0) {
        number[root] = next++;
      }
      label[i] = number[root];
    }
    return label;
  }

  private static int find(int[] parent, int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }

  private static int index(int i, int j) {
    return i > j ? i * (i - 1) / 2 + j : j * (j - 1) / 2 + i;
  }

  static double squared(double[] x, double[] y) {
    double s = 0;
    for (int c = 0; c < x.length; c++) {
      double t = x[c] - y[c];
      s += t * t;
    }
    return s;
  }
}
