package dev.syngen.core.schema;

import dev.syngen.core.schema.SchemaProfile.Children;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns an exact histogram of children per parent (count → parents with that count) into the shares
 * a profile may hold: neighbouring counts are pooled until each bucket has at least k parents, so
 * no parent with a rare count can be singled out.
 */
public final class ChildrenCounts {
  private static final double[] PERCENTILES = {0.05, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99};

  private ChildrenCounts() {}

  /**
   * @param histogram parents per count of children, for the parents with at least one child
   * @param parents every row of the parent table (those without children count as 0)
   */
  public static Children of(
      String child,
      List<String> columns,
      String parent,
      long parents,
      Map<Long, Long> histogram,
      int k) {
    TreeMap<Long, Long> all = new TreeMap<>(histogram);
    long withChildren = all.values().stream().mapToLong(Long::longValue).sum();
    long children = all.entrySet().stream().mapToLong(e -> e.getKey() * e.getValue()).sum();
    long total = Math.max(parents, withChildren);
    if (total > withChildren) {
      all.merge(0L, total - withChildren, Long::sum);
    }
    List<long[]> buckets = new ArrayList<>(); // {sum of counts × parents, parents}
    long sum = 0;
    long n = 0;
    for (Map.Entry<Long, Long> e : all.entrySet()) {
      sum += e.getKey() * e.getValue();
      n += e.getValue();
      if (n >= k) {
        buckets.add(new long[] {sum, n});
        sum = 0;
        n = 0;
      }
    }
    if (n > 0) {
      if (buckets.isEmpty()) {
        buckets.add(new long[] {sum, n});
      } else {
        long[] last = buckets.get(buckets.size() - 1);
        last[0] += sum;
        last[1] += n;
      }
    }
    Map<Long, Double> shares = new LinkedHashMap<>();
    for (long[] b : buckets) {
      shares.merge(
          Math.round(b[0] / (double) b[1]), b[1] / (double) Math.max(1, total), Double::sum);
    }
    return new Children(child, columns, parent, total, children, shares, percentiles(shares));
  }

  private static Map<String, Double> percentiles(Map<Long, Double> shares) {
    Map<String, Double> out = new LinkedHashMap<>();
    for (double p : PERCENTILES) {
      double cumulative = 0;
      long value = 0;
      for (Map.Entry<Long, Double> e : shares.entrySet()) {
        value = e.getKey();
        cumulative += e.getValue();
        if (cumulative >= p - 1e-12) {
          break;
        }
      }
      out.put("p" + Math.round(p * 100), (double) value);
    }
    return out;
  }
}
