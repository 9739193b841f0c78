package dev.syngen.core.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.syngen.core.schema.SchemaProfile.Children;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Children-per-parent shares: parents without children count, rare counts are pooled. */
class ChildrenCountsTest {
  @Test
  void parentsWithoutChildrenCountAsZero() {
    Children c =
        ChildrenCounts.of(
            "orders", List.of("customer_id"), "customers", 100, Map.of(1L, 40L, 2L, 20L), 10);
    assertEquals(0.4, c.shares().get(0L), 1e-9);
    assertEquals(0.4, c.shares().get(1L), 1e-9);
    assertEquals(0.2, c.shares().get(2L), 1e-9);
    assertEquals(80, c.children());
    assertEquals(0.8, c.mean(), 1e-9);
  }

  @Test
  void countsHeldByFewerThanKParentsArePooledAndNoneIsShownAlone() {
    // one whale with 900 children, two parents with 50, the rest with 1
    Children c =
        ChildrenCounts.of(
            "orders",
            List.of("customer_id"),
            "customers",
            103,
            Map.of(1L, 100L, 50L, 2L, 900L, 1L),
            10);
    assertTrue(
        c.shares().keySet().stream().noneMatch(v -> v == 900L || v == 50L), c.shares().toString());
    double total = c.shares().values().stream().mapToDouble(Double::doubleValue).sum();
    assertEquals(1.0, total, 1e-9);
    for (double s : c.shares().values()) {
      assertTrue(s * 103 >= 10 - 1e-9, "a bucket holds fewer than k parents: " + c.shares());
    }
  }
}
