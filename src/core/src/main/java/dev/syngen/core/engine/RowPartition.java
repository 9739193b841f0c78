package dev.syngen.core.engine;

/**
 * Rows {@code [first, end)} of one entity, written as one unit of a partitioned run; {@code level}
 * is the entity's dependency level (see {@link dev.syngen.core.plan.DependencyLevels}).
 */
public record RowPartition(String entity, int level, long first, long end) {
  public RowPartition {
    if (first < 0 || end < first) {
      throw new IllegalArgumentException("bad row range [" + first + ", " + end + ")");
    }
  }

  public long rows() {
    return end - first;
  }
}
