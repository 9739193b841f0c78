package dev.syngen.core.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.syngen.core.schema.SchemaProfile.Children;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The drafted children-per-parent law keeps the original's mean even with a long tail: the
 * benchmark's parent_id = 1 + floor(n · random()²) over half a million parents, where buckets of
 * ten parents hold hundreds of children each.
 */
class ChildrenSharesTest {
  @Test
  void aLongTailKeepsTheOriginalsChildrenPerParent() {
    int parents = 500_000;
    long[] perParent = new long[parents];
    // the exact expected counts of 1 + floor(n · u²): parent i gets n·(sqrt(i/n) - sqrt((i-1)/n))
    long children = 0;
    for (int i = 1; i <= parents; i++) {
      double share = Math.sqrt(i / (double) parents) - Math.sqrt((i - 1) / (double) parents);
      perParent[i - 1] = Math.round(share * parents);
      children += perParent[i - 1];
    }
    Map<Long, Long> histogram = new LinkedHashMap<>();
    for (long c : perParent) {
      if (c > 0) {
        histogram.merge(c, 1L, Long::sum);
      }
    }
    Children ch = ChildrenCounts.of("t01", List.of("parent_id"), "t00", parents, histogram, 10);
    double original = children / (double) parents;
    assertEquals(original, ch.mean(), 1e-9);

    @SuppressWarnings("unchecked")
    Map<String, Object> params =
        (Map<String, Object>) SchemaDrafter.choice(ch.shares()).get("params");
    List<?> values = (List<?>) params.get("values");
    List<?> weights = (List<?>) params.get("weights");
    double total = 0;
    double mean = 0;
    for (int i = 0; i < values.size(); i++) {
      double w = ((Number) weights.get(i)).doubleValue();
      total += w;
      mean += w * ((Number) values.get(i)).doubleValue();
    }
    mean /= total;
    assertTrue(
        Math.abs(mean - original) / original < 0.005,
        "drafted mean " + mean + " against the original's " + original);
  }
}
