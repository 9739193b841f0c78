package dev.syngen.io.clickhouse;

import dev.syngen.core.engine.ColumnVector;
import dev.syngen.core.engine.RowBatch;
import dev.syngen.core.sink.SinkException;
import dev.syngen.io.clickhouse.ClickHouseTypes.ColumnWire;
import dev.syngen.io.encode.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * Encodes a batch in ClickHouse's RowBinary format (little-endian, no parsing on the server, so
 * doubles arrive bit for bit), and counts its rows per {@code toYYYYMM} month of the partition
 * column for the post-ingestion check.
 */
final class RowBinary {
  private static final long MAX_DATE_DAY = 0xFFFF;
  private static final long MAX_DATETIME_SECOND = 0xFFFF_FFFFL;

  /** One encoded batch: {@code bytes[0..size)}, its rows, and its rows per partition month. */
  record Chunk(byte[] bytes, int size, long firstRow, int rows, Map<Integer, Long> months) {}

  private RowBinary() {}

  /**
   * @param partitionColumn the column whose month partitions the table (timestamp or date), or -1
   */
  static Chunk encode(RowBatch b, ColumnWire[] wires, String[] names, int partitionColumn) {
    int n = b.size();
    ByteBuf out = new ByteBuf(n * wires.length * 9 + 64);
    for (int r = 0; r < n; r++) {
      for (int c = 0; c < wires.length; c++) {
        ColumnVector v = b.column(c);
        boolean isNull = v.isNull(r);
        if (wires[c].nullable()) {
          out.put((byte) (isNull ? 1 : 0));
          if (isNull) {
            continue;
          }
        } else if (isNull) {
          throw new SinkException(
              "column " + names[c] + " is not Nullable but row " + (b.firstRow() + r) + " is NULL");
        }
        put(out, wires[c].wire(), v, r, names[c], b.firstRow() + r);
      }
    }
    Map<Integer, Long> months = new TreeMap<>();
    if (partitionColumn >= 0) {
      ColumnVector v = b.column(partitionColumn);
      boolean date = wires[partitionColumn].wire() == ClickHouseTypes.Wire.DATE;
      for (int r = 0; r < n; r++) {
        if (!v.isNull(r)) {
          long day = date ? v.longs[r] : Math.floorDiv(v.longs[r], 86_400_000L);
          java.time.LocalDate d = java.time.LocalDate.ofEpochDay(day);
          months.merge(d.getYear() * 100 + d.getMonthValue(), 1L, Long::sum);
        }
      }
    }
    return new Chunk(out.data, out.size, b.firstRow(), n, months);
  }

  private static void put(
      ByteBuf out, ClickHouseTypes.Wire w, ColumnVector v, int r, String col, long row) {
    switch (w) {
      case INT32 -> {
        long x = v.longs[r];
        if (x != (int) x) {
          throw range(col, row, x, "Int32");
        }
        le(out, x, 4);
      }
      case INT64 -> le(out, v.longs[r], 8);
      case FLOAT64 -> le(out, Double.doubleToRawLongBits(v.doubles[r]), 8);
      case UINT8 -> out.put((byte) (v.longs[r] != 0 ? 1 : 0));
      case STRING -> {
        byte[] s = v.strings[r].getBytes(StandardCharsets.UTF_8);
        varint(out, s.length);
        out.put(s);
      }
      case DATETIME -> {
        long s = Math.floorDiv(v.longs[r], 1000L);
        if (s < 0 || s > MAX_DATETIME_SECOND) {
          throw range(col, row, v.longs[r], "DateTime (1970-01-01 to 2106-02-07)");
        }
        le(out, s, 4);
      }
      case DATETIME64 -> le(out, v.longs[r], 8);
      case DATE -> {
        long d = v.longs[r];
        if (d < 0 || d > MAX_DATE_DAY) {
          throw range(col, row, d, "Date (1970-01-01 to 2149-06-06)");
        }
        le(out, d, 2);
      }
      case UUID -> {
        le(out, v.longs[r], 8);
        le(out, v.lows[r], 8);
      }
    }
  }

  private static SinkException range(String col, long row, long value, String type) {
    return new SinkException(
        "column "
            + col
            + ", row "
            + row
            + ": value "
            + value
            + " is out of range for ClickHouse "
            + type
            + "; fix: narrow the generator's range or change the column type");
  }

  private static void le(ByteBuf out, long v, int bytes) {
    out.ensure(bytes);
    for (int i = 0; i < bytes; i++) {
      out.data[out.size++] = (byte) (v >>> (8 * i));
    }
  }

  private static void varint(ByteBuf out, long v) {
    while ((v & ~0x7FL) != 0) {
      out.put((byte) ((v & 0x7F) | 0x80));
      v >>>= 7;
    }
    out.put((byte) v);
  }
}
