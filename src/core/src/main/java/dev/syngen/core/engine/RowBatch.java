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

  /** Empties this batch, which will then hold the rows appended, from {@code first} on. */
  public RowBatch reset(long first) {
    this.firstRow = first;
    this.size = 0;
    return this;
  }

  /** Appends a copy of row {@code r} of {@code from} (a batch of the same entity). */
  public void append(RowBatch from, int r) {
    int i = size++;
    for (int c = 0; c < columns.length; c++) {
      ColumnVector to = columns[c];
      ColumnVector src = from.columns[c];
      if (to.longs != null) {
        to.longs[i] = src.longs[r];
      }
      if (to.lows != null) {
        to.lows[i] = src.lows[r];
      }
      if (to.doubles != null) {
        to.doubles[i] = src.doubles[r];
      }
      if (to.strings != null) {
        to.strings[i] = src.strings[r];
      }
      if (to.nulls != null) {
        to.nulls[i] = src.nulls[r];
      }
    }
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
    var g = col.generator();
    long key = col.key();
    switch (v.kind) {
      case DOUBLE -> g.fillDoubles(key, first, n, v.doubles);
      case STRING -> g.fillStrings(key, first, n, v.strings);
      case UUID -> {
        for (int i = 0; i < n; i++) {
          long r = first + i;
          v.longs[i] = g.longAt(key, r);
          v.lows[i] = g.uuidLowAt(key, r);
        }
      }
      default -> g.fillLongs(key, first, n, v.longs);
    }
    if (v.nulls != null) {
      double rate = col.nullRate();
      boolean own = g.producesNulls();
      for (int i = 0; i < n; i++) {
        long r = first + i;
        v.nulls[i] =
            CellRandom.unit(key, r, CellRandom.NULL_DRAW) < rate || (own && g.nullAt(key, r));
      }
    }
  }
}
