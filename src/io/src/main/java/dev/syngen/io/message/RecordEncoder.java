package dev.syngen.io.message;

import dev.syngen.core.engine.RowBatch;
import dev.syngen.core.plan.CompiledEntity;
import dev.syngen.core.sink.PayloadShape;
import dev.syngen.io.encode.ByteBuf;
import dev.syngen.io.encode.CellText;
import dev.syngen.io.encode.JsonRecords;
import java.util.Arrays;
import java.util.Locale;

/**
 * Turns a row batch into message payloads for one entity: the record's JSON (the same bytes as an
 * NDJSON file line) or a payload template, padded to a size when asked, plus the key column's text.
 * Thread-safe: encoders run on the engine's worker threads.
 */
public final class RecordEncoder {
  private static final String PAD_FIELD = ",\"_pad\":\"";
  private static final int PAD_OVERHEAD = PAD_FIELD.length() + 1;

  private final JsonRecords json;
  private final PayloadTemplate template;
  private final PayloadShape shape;
  private final int keyColumn;

  /**
   * @param keyColumn the column whose text keys each record, or -1 for no key
   * @param template the template for this entity, or null for the record's JSON
   */
  public RecordEncoder(
      CompiledEntity entity, PayloadShape shape, int keyColumn, PayloadTemplate template) {
    this.json = new JsonRecords(entity);
    this.shape = shape;
    this.keyColumn = keyColumn;
    this.template = template;
  }

  public Records encode(RowBatch batch) {
    int n = batch.size();
    byte[][] values = new byte[n][];
    byte[][] keys = keyColumn < 0 ? null : new byte[n][];
    String[] weights = shape.sampled() ? new String[n] : null;
    ByteBuf buf = new ByteBuf(256);
    long bytes = 0;
    for (int r = 0; r < n; r++) {
      buf.clear();
      if (template != null) {
        template.render(batch, r, buf);
      } else {
        json.row(batch, r, buf);
      }
      if (shape.padded()) {
        pad(buf, batch.firstRow() + r);
      }
      values[r] = buf.toArray();
      bytes += values[r].length;
      if (keys != null) {
        buf.clear();
        keys[r] = CellText.write(batch.column(keyColumn), r, buf) ? buf.toArray() : null;
      }
      if (weights != null) {
        weights[r] = String.format(Locale.ROOT, "%.3f", shape.size() / (double) values[r].length);
      }
    }
    return new Records(batch.firstRow(), values, keys, weights, bytes);
  }

  /**
   * Pads a JSON object to the shape's size with a {@code _pad} field of letters derived from the
   * row index, so padding is as reproducible as the row and does not compress to nothing. A record
   * already at or over the size, or not a JSON object, is left alone.
   */
  private void pad(ByteBuf buf, long row) {
    int missing = shape.size() - buf.size - PAD_OVERHEAD;
    if (missing < 0 || buf.size == 0 || buf.data[buf.size - 1] != '}') {
      return;
    }
    buf.size--; // reopen the object
    buf.putAscii(PAD_FIELD);
    buf.ensure(missing + 2);
    long x = row * 0x9E3779B97F4A7C15L + 0x632BE59BD9B4E019L;
    for (int i = 0; i < missing; i++) {
      x ^= x << 13;
      x ^= x >>> 7;
      x ^= x << 17;
      buf.data[buf.size++] = (byte) ('a' + (int) Long.remainderUnsigned(x, 26));
    }
    buf.put((byte) '"');
    buf.put((byte) '}');
  }

  /** The NDJSON form of a batch: each payload followed by a line break. */
  public static byte[] ndjson(Records records) {
    ByteBuf out =
        new ByteBuf((int) Math.min(Integer.MAX_VALUE - 8, records.bytes() + records.count()));
    for (byte[] v : records.values()) {
      out.put(v);
      out.put((byte) '\n');
    }
    return out.size == out.data.length ? out.data : Arrays.copyOf(out.data, out.size);
  }

  /** The JSON-array form of a batch: {@code [record,record,…]}. */
  public static byte[] jsonArray(Records records) {
    ByteBuf out =
        new ByteBuf((int) Math.min(Integer.MAX_VALUE - 8, records.bytes() + records.count() + 2));
    out.put((byte) '[');
    for (int i = 0; i < records.count(); i++) {
      if (i > 0) {
        out.put((byte) ',');
      }
      out.put(records.values()[i]);
    }
    out.put((byte) ']');
    return out.toArray();
  }
}
