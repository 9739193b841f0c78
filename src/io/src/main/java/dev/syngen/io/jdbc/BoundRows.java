package dev.syngen.io.jdbc;

import dev.syngen.core.engine.ColumnVector;
import dev.syngen.core.engine.RowBatch;
import dev.syngen.core.engine.ValueFormat;

/**
 * A batch ready to bind into a JDBC statement: the row batch itself plus, for timestamp, date and
 * UUID columns, their ISO-8601 / canonical text (formatted on a worker thread, not the single
 * writing thread).
 */
record BoundRows(RowBatch batch, String[][] text) {
  static BoundRows of(RowBatch batch) {
    return of(batch, false);
  }

  /**
   * @param utcWithoutZone timestamps as {@code 2024-05-01 12:00:00.000} (UTC, no zone), the form a
   *     MariaDB/MySQL DATETIME takes, instead of {@code 2024-05-01T12:00:00.000Z}
   */
  static BoundRows of(RowBatch batch, boolean utcWithoutZone) {
    String[][] text = new String[batch.columnCount()][];
    for (int c = 0; c < text.length; c++) {
      ColumnVector v = batch.column(c);
      switch (v.kind) {
        case TIMESTAMP, DATE, UUID -> text[c] = format(v, batch.size(), utcWithoutZone);
        default -> text[c] = null;
      }
    }
    return new BoundRows(batch, text);
  }

  private static String[] format(ColumnVector v, int n, boolean utcWithoutZone) {
    String[] out = new String[n];
    for (int i = 0; i < n; i++) {
      if (!v.isNull(i)) {
        out[i] =
            switch (v.kind) {
              case TIMESTAMP ->
                  utcWithoutZone
                      ? withoutZone(ValueFormat.timestamp(v.longs[i]))
                      : ValueFormat.timestamp(v.longs[i]);
              case DATE -> ValueFormat.date(v.longs[i]);
              default -> ValueFormat.uuid(v.longs[i], v.lows[i]);
            };
      }
    }
    return out;
  }

  private static String withoutZone(String iso) {
    return iso.substring(0, iso.length() - 1).replace('T', ' ');
  }
}
