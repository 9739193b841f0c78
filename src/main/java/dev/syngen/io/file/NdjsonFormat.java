package dev.syngen.io.file;

import dev.syngen.core.engine.ColumnVector;
import dev.syngen.core.engine.RowBatch;
import dev.syngen.core.plan.CompiledColumn;
import dev.syngen.core.plan.CompiledEntity;
import java.nio.charset.StandardCharsets;

/** Newline-delimited JSON: one object per row, keys in column order, timestamps as ISO strings. */
final class NdjsonFormat implements TextFormat {
  @Override
  public String extension() {
    return ".ndjson";
  }

  @Override
  public byte[] header(CompiledEntity entity) {
    return new byte[0];
  }

  @Override
  public String checkExisting(CompiledEntity entity, String firstLine) {
    StringBuilder prefix = new StringBuilder("{");
    CompiledColumn first = entity.columns().get(0);
    prefix.append('"').append(first.name()).append("\":");
    return firstLine.startsWith(prefix.toString())
        ? null
        : "its records do not start with the entity's first column '" + first.name() + "'";
  }

  @Override
  public void encode(RowBatch b, ByteBuf out) {
    CompiledEntity e = b.entity();
    int cols = b.columnCount();
    byte[][] keys = new byte[cols][];
    for (int c = 0; c < cols; c++) {
      keys[c] =
          ((c == 0 ? "{\"" : ",\"") + e.columns().get(c).name() + "\":")
              .getBytes(StandardCharsets.UTF_8);
    }
    for (int r = 0; r < b.size(); r++) {
      for (int c = 0; c < cols; c++) {
        out.ensure(keys[c].length);
        System.arraycopy(keys[c], 0, out.data, out.size, keys[c].length);
        out.size += keys[c].length;
        ColumnVector v = b.column(c);
        if (v.isNull(r)) {
          out.putAscii("null");
          continue;
        }
        switch (v.kind) {
          case LONG -> out.putLong(v.longs[r]);
          case DOUBLE -> putNumber(out, v.doubles[r]);
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
          case STRING -> putString(out, v.strings[r]);
        }
      }
      out.putAscii("}\n");
    }
  }

  private static void putNumber(ByteBuf out, double d) {
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      out.putAscii("null"); // JSON has no NaN or Infinity
    } else {
      out.putDouble(d);
    }
  }

  static void putString(ByteBuf out, String s) {
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
