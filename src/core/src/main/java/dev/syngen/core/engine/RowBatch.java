package dev.syngen.core.engine;

import dev.syngen.core.plan.CompiledColumn;
import dev.syngen.core.plan.CompiledEntity;
import dev.syngen.core.random.CellRandom;
import dev.syngen.core.scenario.ValueKind;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * A block of consecutive rows of one entity, stored column by column. {@link #fill} computes every
 * cell from (stream key, row index) alone, so any block can be filled on any thread in any order.
 */
public final class RowBatch {
  private final CompiledEntity entity;
  private final ColumnVector[] columns;
  private long firstRow;
  private int size;

  public RowBatch(CompiledEntity entity, int capacity) {
    this.entity = entity;
    List<CompiledColumn> cols = entity.columns();
    this.columns = new ColumnVector[cols.size()];
    for (int c = 0; c < columns.length; c++) {
      CompiledColumn col = cols.get(c);
      columns[c] = new ColumnVector(col.type().kind(), capacity, col.canBeNull());
    }
  }

  public CompiledEntity entity() {
    return entity;
  }

  public long firstRow() {
    return firstRow;
  }

  public int size() {
    return size;
  }

  public ColumnVector column(int c) {
    return columns[c];
  }

  public int columnCount() {
    return columns.length;
  }

  /** Computes rows [first, first + count) into this batch. */
  public RowBatch fill(long first, int count) {
    this.firstRow = first;
    this.size = count;
    List<CompiledColumn> cols = entity.columns();
    for (int c = 0; c < columns.length; c++) {
      fillColumn(cols.get(c), columns[c], first, count);
    }
    return this;
  }

  /**
   * Overwrites every {@code timestamp} column (not {@code date}) with the wall clock, read per row,
   * keeping NULLs: wall-clock streaming ({@code Traffic.wallClock}), where event times follow the
   * time of production instead of the scenario's {@code as_of}.
   */
  public RowBatch stampWallClock(LongSupplier epochMillis) {
    for (ColumnVector v : columns) {
      if (v.kind == ValueKind.TIMESTAMP) {
        for (int i = 0; i < size; i++) {
          v.longs[i] = epochMillis.getAsLong();
        }
      }
    }
    return this;
  }

  /**
   * Computes the rows {@code rows[0 .. count)} (any row indexes, in any order) into this batch,
   * which then stands for the positions [position, position + count) of an ordered stream (a
   * lifecycle's events in event-time order).
   */
  public RowBatch fillRows(long position, long[] rows, int count) {
    this.firstRow = position;
    this.size = count;
    List<CompiledColumn> cols = entity.columns();
    for (int c = 0; c < columns.length; c++) {
      fillColumn(cols.get(c), columns[c], 0, rows, count);
    }
    return this;
  }

  /** Replaces every {@code timestamp} value (not NULLs, not dates) by {@code map} of it. */
  public RowBatch mapTimestamps(java.util.function.LongUnaryOperator map) {
    for (ColumnVector v : columns) {
      if (v.kind == ValueKind.TIMESTAMP) {
        for (int i = 0; i < size; i++) {
          v.longs[i] = map.applyAsLong(v.longs[i]);
        }
      }
    }
    return this;
  }

  private static void fillColumn(CompiledColumn col, ColumnVector v, long first, int n) {
    fillColumn(col, v, first, null, n);
  }

  private static long row(long first, long[] rows, int i) {
    return rows == null ? first + i : rows[i];
  }

  private static void fillColumn(
      CompiledColumn col, ColumnVector v, long first, long[] rows, int n) {
    var g = col.generator();
    long key = col.key();
    switch (v.kind) {
      case DOUBLE -> {
        for (int i = 0; i < n; i++) {
          v.doubles[i] = g.doubleAt(key, row(first, rows, i));
        }
      }
      case STRING -> {
        for (int i = 0; i < n; i++) {
          v.strings[i] = g.stringAt(key, row(first, rows, i));
        }
      }
      case UUID -> {
        for (int i = 0; i < n; i++) {
          long r = row(first, rows, i);
          v.longs[i] = g.longAt(key, r);
          v.lows[i] = g.uuidLowAt(key, r);
        }
      }
      default -> {
        for (int i = 0; i < n; i++) {
          v.longs[i] = g.longAt(key, row(first, rows, i));
        }
      }
    }
    if (v.nulls != null) {
      double rate = col.nullRate();
      boolean own = g.producesNulls();
      for (int i = 0; i < n; i++) {
        long r = row(first, rows, i);
        v.nulls[i] =
            CellRandom.unit(key, r, CellRandom.NULL_DRAW) < rate || (own && g.nullAt(key, r));
      }
    }
  }
}
