package dev.syngen.io.jdbc;

import dev.syngen.core.engine.ColumnVector;
import dev.syngen.core.engine.RowBatch;
import dev.syngen.core.engine.ValueFormat;
import java.nio.charset.StandardCharsets;

/**
 * Encodes row batches as PostgreSQL text COPY lines: tab-separated, {@code \N} for null, backslash,
 * tab, newline and carriage return escaped, times as ISO-8601 UTC. Stateless.
 */
final class PgTextEncoder {
  private static final byte[] NULL = {'\\', 'N'};

  CopyBuffer encode(RowBatch batch) {
    int n = batch.size();
    int cols = batch.columnCount();
    CopyBuffer out = new CopyBuffer(n * cols * 16);
    for (int i = 0; i < n; i++) {
      for (int c = 0; c < cols; c++) {
        if (c > 0) {
          out.put((byte) '\t');
        }
        ColumnVector v = batch.column(c);
        if (v.isNull(i)) {
          out.put(NULL);
        } else {
          value(out, v, i);
        }
      }
      out.put((byte) '\n');
    }
    return out;
  }

  private static void value(CopyBuffer out, ColumnVector v, int i) {
    out.ensure(ValueFormat.MAX_FIXED_WIDTH);
    switch (v.kind) {
      case LONG -> out.size = ValueFormat.writeLong(out.data, out.size, v.longs[i]);
      case BOOL -> out.data[out.size++] = (byte) (v.longs[i] != 0 ? 't' : 'f');
      case TIMESTAMP -> out.size = ValueFormat.writeTimestamp(out.data, out.size, v.longs[i]);
      case DATE -> out.size = ValueFormat.writeDate(out.data, out.size, v.longs[i]);
      case UUID -> out.size = ValueFormat.writeUuid(out.data, out.size, v.longs[i], v.lows[i]);
      case DOUBLE -> ascii(out, Double.toString(v.doubles[i]));
      case STRING -> escaped(out, v.strings[i]);
    }
  }

  private static void ascii(CopyBuffer out, String s) {
    out.ensure(s.length());
    for (int k = 0; k < s.length(); k++) {
      out.data[out.size++] = (byte) s.charAt(k);
    }
  }

  private static void escaped(CopyBuffer out, String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    out.ensure(2 * b.length);
    for (byte x : b) {
      byte esc =
          switch (x) {
            case '\\' -> '\\';
            case '\t' -> 't';
            case '\n' -> 'n';
            case '\r' -> 'r';
            default -> 0;
          };
      if (esc != 0) {
        out.data[out.size++] = '\\';
        out.data[out.size++] = esc;
      } else {
        out.data[out.size++] = x;
      }
    }
  }
}
