package dev.syngen.core.engine;

import dev.syngen.core.plan.CompiledEntity;
import dev.syngen.core.plan.CompiledPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Splits a plan into (entity, row range) partitions. Because every cell is a function of (seed,
 * entity, column, row), the partitions can be written in any order or at the same time and the
 * target still receives exactly the rows of a single-threaded run.
 */
public final class RowPartitions {
  private RowPartitions() {}

  /**
   * The partitions of every included entity, in plan order, each at most {@code rowsPerPartition}
   * rows; an entity with no rows has none.
   *
   * @param levels dependency level by entity name (entities absent from it are level 0)
   */
  public static List<RowPartition> of(
      CompiledPlan plan, Map<String, Integer> levels, long rowsPerPartition) {
    if (rowsPerPartition < 1) {
      throw new IllegalArgumentException("rows per partition must be >= 1");
    }
    List<RowPartition> out = new ArrayList<>();
    for (CompiledEntity e : plan.included()) {
      int level = levels.getOrDefault(e.name(), 0);
      for (long first = 0; first < e.rows(); first += rowsPerPartition) {
        out.add(
            new RowPartition(e.name(), level, first, Math.min(e.rows(), first + rowsPerPartition)));
      }
    }
    return out;
  }

  /** The partitions of one dependency level, in plan order. */
  public static List<RowPartition> level(List<RowPartition> all, int level) {
    return all.stream().filter(p -> p.level() == level).toList();
  }
}
