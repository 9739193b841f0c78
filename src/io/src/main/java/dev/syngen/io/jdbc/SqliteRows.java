package dev.syngen.io.jdbc;

import dev.syngen.core.engine.ColumnVector;
import dev.syngen.core.engine.RowBatch;
import dev.syngen.core.engine.ValueFormat;

/**
 * A batch ready to bind: the row batch itself plus, for timestamp, date and UUID columns, their
 * ISO-8601 / canonical text (formatted on a worker thread, not the single writing thread).
 */
record SqliteRows(RowBatch batch, String[][] text) {
  static SqliteRows of(RowBatch batch) {
    String[][] text = new String[batch.columnCount()][];
    for (int c = 0; c < text.length; c++) {
      ColumnVector v = batch.column(c);
      switch (v.kind) {
        case TIMESTAMP, DATE, UUID -> text[c] = format(v, batch.size());
        default -> text[c] = null;
      }
    }
    return new SqliteRows(batch, text);
  }

  private static String[] format(ColumnVector v, int n) {
    String[] out = new String[n];
    for (int i = 0; i < n; i++) {
      if (!v.isNull(i)) {
        out[i] =
            switch (v.kind) {
              case TIMESTAMP -> ValueFormat.timestamp(v.longs[i]);
              case DATE -> ValueFormat.date(v.longs[i]);
              default -> ValueFormat.uuid(v.longs[i], v.lows[i]);
            };
      }
    }
    return out;
  }
}
