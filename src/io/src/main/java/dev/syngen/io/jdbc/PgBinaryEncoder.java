package dev.syngen.io.jdbc;

import dev.syngen.core.engine.ColumnVector;
import dev.syngen.core.engine.RowBatch;
import dev.syngen.core.scenario.ColumnType;
import dev.syngen.core.sink.SinkException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

/**
 * Encodes row batches as PostgreSQL binary COPY tuples: per row an int16 field count, then per
 * field an int32 length (-1 for null) and the value in the type's binary send format. Stateless, so
 * worker threads share one instance.
 */
final class PgBinaryEncoder {
  /** "PGCOPY\n\377\r\n\0", then int32 flags and int32 header-extension length, both zero. */
  static final byte[] HEADER = {
    'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0, 0, 0, 0, 0, 0, 0, 0, 0
  };

  static final byte[] TRAILER = {(byte) 0xFF, (byte) 0xFF};

  /** 2000-01-01T00:00:00Z, PostgreSQL's epoch, in Unix milliseconds and days. */
  private static final long PG_EPOCH_MILLIS = 946_684_800_000L;

  private static final long PG_EPOCH_DAY = 10_957L;

  private final PgType[] types;

  PgBinaryEncoder(PgType[] types) {
    this.types = types.clone();
  }

  CopyBuffer encode(RowBatch batch) {
    int n = batch.size();
    int cols = batch.columnCount();
    CopyBuffer out = new CopyBuffer(n * (2 + cols * 16));
    for (int i = 0; i < n; i++) {
      out.putShort(cols);
      for (int c = 0; c < cols; c++) {
        ColumnVector v = batch.column(c);
        if (v.isNull(i)) {
          out.putInt(-1);
        } else {
          field(out, types[c], v, i, batch, c);
        }
      }
    }
    return out;
  }

  private void field(CopyBuffer out, PgType type, ColumnVector v, int i, RowBatch b, int c) {
    switch (type) {
      case INT2 -> {
        long x = v.longs[i];
        if ((short) x != x) {
          throw outOfRange(b, c, i, x);
        }
        out.putInt(2);
        out.putShort((int) x);
      }
      case NUMERIC -> {
        ColumnType t = b.entity().columns().get(c).type();
        boolean whole = t == ColumnType.INT || t == ColumnType.BIGINT;
        if (!whole && !Double.isFinite(v.doubles[i])) {
          throw new SinkException(
              "entity "
                  + b.entity().name()
                  + ", column "
                  + b.entity().columns().get(c).name()
                  + ": "
                  + v.doubles[i]
                  + " cannot go into a numeric column; fix: bound the generator");
        }
        numeric(out, whole ? BigDecimal.valueOf(v.longs[i]) : BigDecimal.valueOf(v.doubles[i]));
      }
      case INT4 -> {
        long x = v.longs[i];
        if ((int) x != x) {
          throw outOfRange(b, c, i, x);
        }
        out.putInt(4);
        out.putInt((int) x);
      }
      case INT8 -> {
        out.putInt(8);
        out.putLong(v.longs[i]);
      }
      case FLOAT4 -> {
        out.putInt(4);
        out.putInt(Float.floatToIntBits((float) v.doubles[i]));
      }
      case FLOAT8 -> {
        out.putInt(8);
        out.putLong(Double.doubleToLongBits(v.doubles[i]));
      }
      case BOOL -> {
        out.putInt(1);
        out.put((byte) (v.longs[i] != 0 ? 1 : 0));
      }
      case TIMESTAMPTZ, TIMESTAMP -> {
        out.putInt(8);
        out.putLong((v.longs[i] - PG_EPOCH_MILLIS) * 1000L);
      }
      case DATE -> {
        out.putInt(4);
        out.putInt((int) (v.longs[i] - PG_EPOCH_DAY));
      }
      case UUID -> {
        out.putInt(16);
        out.putLong(v.longs[i]);
        out.putLong(v.lows[i]);
      }
      case TEXT, VARCHAR, JSON, BPCHAR, ENUM -> {
        byte[] s = v.strings[i].getBytes(StandardCharsets.UTF_8);
        out.putInt(s.length);
        out.put(s);
      }
      case JSONB -> { // binary jsonb: a version byte (1), then the text
        byte[] s = v.strings[i].getBytes(StandardCharsets.UTF_8);
        out.putInt(s.length + 1);
        out.put(new byte[] {1});
        out.put(s);
      }
    }
  }

  /**
   * numeric's send form: int16 digit count, weight (of the first base-10000 digit), sign and
   * display scale, then the base-10000 digits.
   */
  static void numeric(CopyBuffer out, BigDecimal value) {
    BigDecimal abs = value.abs().stripTrailingZeros();
    int dscale = Math.max(0, abs.scale());
    String plain = abs.toPlainString();
    int dot = plain.indexOf('.');
    String whole = dot < 0 ? plain : plain.substring(0, dot);
    String frac = dot < 0 ? "" : plain.substring(dot + 1);
    whole = "0".repeat((4 - whole.length() % 4) % 4) + whole;
    frac = frac + "0".repeat((4 - frac.length() % 4) % 4);
    String all = whole + frac;
    int weight = whole.length() / 4 - 1;
    int[] groups = new int[all.length() / 4];
    for (int g = 0; g < groups.length; g++) {
      groups[g] = Integer.parseInt(all.substring(4 * g, 4 * g + 4));
    }
    int first = 0;
    while (first < groups.length && groups[first] == 0) {
      first++;
      weight--;
    }
    int last = groups.length;
    while (last > first && groups[last - 1] == 0) {
      last--;
    }
    int n = last - first;
    out.putInt(8 + 2 * n);
    out.putShort(n);
    out.putShort(n == 0 ? 0 : weight);
    out.putShort(value.signum() < 0 ? 0x4000 : 0);
    out.putShort(dscale);
    for (int g = first; g < last; g++) {
      out.putShort(groups[g]);
    }
  }

  private SinkException outOfRange(RowBatch b, int c, int i, long x) {
    String col = b.entity().columns().get(c).name();
    return new SinkException(
        "entity "
            + b.entity().name()
            + ", column "
            + col
            + ", row "
            + (b.firstRow() + i)
            + ": value "
            + x
            + " does not fit the table's integer column; fix: change the column to bigint or narrow the generator's range");
  }
}
