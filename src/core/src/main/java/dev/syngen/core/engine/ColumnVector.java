package dev.syngen.core.engine;

import dev.syngen.core.scenario.ValueKind;

/**
 * One column of a row batch in primitive arrays (see {@link ValueKind} for which array holds what).
 * {@code nulls} is null when the column cannot be null.
 */
public final class ColumnVector {
  public final ValueKind kind;
  public final long[] longs;
  public final long[] lows;
  public final double[] doubles;
  public final String[] strings;
  public final boolean[] nulls;

  public ColumnVector(ValueKind kind, int capacity, boolean nullable) {
    this.kind = kind;
    boolean longKind = kind != ValueKind.DOUBLE && kind != ValueKind.STRING;
    this.longs = longKind ? new long[capacity] : null;
    this.lows = kind == ValueKind.UUID ? new long[capacity] : null;
    this.doubles = kind == ValueKind.DOUBLE ? new double[capacity] : null;
    this.strings = kind == ValueKind.STRING ? new String[capacity] : null;
    this.nulls = nullable ? new boolean[capacity] : null;
  }

  public boolean isNull(int i) {
    return nulls != null && nulls[i];
  }
}
