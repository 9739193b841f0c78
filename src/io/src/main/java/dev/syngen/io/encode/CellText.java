package dev.syngen.io.encode;

import dev.syngen.core.engine.ColumnVector;

/**
 * The plain text of one cell, without JSON quoting: what a message key or a template placeholder
 * holds. Uses the same number, timestamp and UUID forms as the files.
 */
public final class CellText {
  private CellText() {}

  /** Appends the cell's text; returns false (appending nothing) when the cell is NULL. */
  public static boolean write(ColumnVector v, int r, ByteBuf out) {
    if (v.isNull(r)) {
      return false;
    }
    switch (v.kind) {
      case LONG -> out.putLong(v.longs[r]);
      case DOUBLE -> out.putDouble(v.doubles[r]);
      case BOOL -> out.putAscii(v.longs[r] != 0 ? "true" : "false");
      case TIMESTAMP -> out.putTimestamp(v.longs[r]);
      case DATE -> out.putDate(v.longs[r]);
      case UUID -> out.putUuid(v.longs[r], v.lows[r]);
      case STRING -> out.putUtf8(v.strings[r]);
    }
    return true;
  }
}
