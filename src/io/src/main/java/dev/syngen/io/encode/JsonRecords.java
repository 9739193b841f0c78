package dev.syngen.io.encode;

import dev.syngen.core.engine.ColumnVector;
import dev.syngen.core.engine.RowBatch;
import dev.syngen.core.plan.CompiledEntity;
import dev.syngen.core.scenario.ColumnType;
import java.nio.charset.StandardCharsets;

/**
 * One JSON object per row, keys in column order, timestamps, dates and UUIDs as strings, NULL and
 * non-finite doubles as {@code null}. The NDJSON files and every message target use this encoding,
 * so a record means the same bytes wherever it goes.
 */
public final class JsonRecords {
  private final byte[][] keys;
  private final boolean[] raw; // json columns: their text is a JSON value already

  public JsonRecords(CompiledEntity entity) {
    int cols = entity.columns().size();
    keys = new byte[cols][];
    raw = new boolean[cols];
    for (int c = 0; c < cols; c++) {
      keys[c] =
          ((c == 0 ? "{\"" : ",\"") + entity.columns().get(c).name() + "\":")
              .getBytes(StandardCharsets.UTF_8);
      raw[c] = entity.columns().get(c).type() == ColumnType.JSON;
    }
  }

  /** Appends row {@code r} of the batch as one JSON object, without a line break. */
  public void row(RowBatch b, int r, ByteBuf out) {
    for (int c = 0; c < keys.length; c++) {
      out.put(keys[c]);
      ColumnVector v = b.column(c);
      if (raw[c] && !v.isNull(r)) {
        out.putUtf8(v.strings[r]);
      } else {
        value(v, r, out);
      }
    }
    out.put((byte) '}');
  }

  /** Appends one cell as a JSON value. */
  public static void value(ColumnVector v, int r, ByteBuf out) {
    if (v.isNull(r)) {
      out.putAscii("null");
      return;
    }
    switch (v.kind) {
      case LONG -> out.putLong(v.longs[r]);
      case DOUBLE -> number(out, v.doubles[r]);
      case BOOL -> out.putAscii(v.longs[r] != 0 ? "true" : "false");
      case TIMESTAMP -> {
        out.put((byte) '"');
        out.putTimestamp(v.longs[r]);
        out.put((byte) '"');
      }
      case DATE -> {
        out.put((byte) '"');
        out.putDate(v.longs[r]);
        out.put((byte) '"');
      }
      case UUID -> {
        out.put((byte) '"');
        out.putUuid(v.longs[r], v.lows[r]);
        out.put((byte) '"');
      }
      case STRING -> string(out, v.strings[r]);
    }
  }

  private static void number(ByteBuf out, double d) {
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      out.putAscii("null"); // JSON has no NaN or Infinity
    } else {
      out.putDouble(d);
    }
  }

  /** Appends a JSON string literal, escaping quotes, backslashes and control characters. */
  public static void string(ByteBuf out, String s) {
    out.put((byte) '"');
    int start = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\' || c < 0x20) {
        out.putUtf8(s.substring(start, i));
        switch (c) {
          case '"' -> out.putAscii("\\\"");
          case '\\' -> out.putAscii("\\\\");
          case '\n' -> out.putAscii("\\n");
          case '\r' -> out.putAscii("\\r");
          case '\t' -> out.putAscii("\\t");
          default -> out.putAscii(String.format("\\u%04x", (int) c));
        }
        start = i + 1;
      }
    }
    out.putUtf8(start == 0 ? s : s.substring(start));
    out.put((byte) '"');
  }
}
