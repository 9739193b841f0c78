package dev.syngen.core.generate;

import dev.syngen.core.scenario.ColumnType;

/**
 * A compiled column another column can reference: enough to recompute any of its cells (and whether
 * the cell is NULL) without holding values in memory.
 */
public record ColumnRef(
    String entity,
    String column,
    ColumnType type,
    Generator generator,
    long key,
    long rows,
    double nullRate) {
  public ColumnRef(
      String entity, String column, ColumnType type, Generator generator, long key, long rows) {
    this(entity, column, type, generator, key, rows, 0.0);
  }
}
