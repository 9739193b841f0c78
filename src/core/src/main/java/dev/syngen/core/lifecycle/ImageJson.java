package dev.syngen.core.lifecycle;

import dev.syngen.core.engine.ValueFormat;
import dev.syngen.core.generate.ColumnRef;
import java.util.List;

/**
 * The JSON parts of a Debezium change envelope: a row image (every column of the entity, as the
 * NDJSON records write them: timestamps and dates as ISO-8601 text, UUIDs as text), the key, and
 * the {@code source} block.
 */
final class ImageJson {
  private ImageJson() {}

  static String key(CompiledLifecycle lc, History h) {
    StringBuilder b = new StringBuilder(48).append('{');
    field(b, lc, h, lc.keyColumn(), 0);
    return b.append('}').toString();
  }

  static String image(CompiledLifecycle lc, History h, int k) {
    List<ColumnRef> cols = lc.columns();
    StringBuilder b = new StringBuilder(64 * cols.size()).append('{');
    for (int c = 0; c < cols.size(); c++) {
      if (c > 0) {
        b.append(',');
      }
      field(b, lc, h, c, k);
    }
    return b.append('}').toString();
  }

  static String source(CompiledLifecycle lc, History h, int k) {
    StringBuilder b = new StringBuilder(160);
    b.append("{\"version\":\"syngen\",\"connector\":\"syngen\",\"name\":\"syngen\",\"ts_ms\":")
        .append(h.time[k])
        .append(",\"snapshot\":\"false\",\"db\":\"syngen\",\"table\":");
    string(b, lc.entity());
    return b.append(",\"event_index\":").append(k).append('}').toString();
  }

  private static void field(StringBuilder b, CompiledLifecycle lc, History h, int c, int k) {
    ColumnRef col = lc.columns().get(c);
    string(b, col.column());
    b.append(':');
    if (lc.nullAt(h, c, k)) {
      b.append("null");
      return;
    }
    switch (col.type().kind()) {
      case LONG -> b.append(lc.longAt(h, c, k));
      case BOOL -> b.append(lc.longAt(h, c, k) != 0);
      case DOUBLE -> {
        double d = lc.doubleAt(h, c, k);
        b.append(Double.isFinite(d) ? Double.toString(d) : "null");
      }
      case TIMESTAMP -> b.append('"').append(ValueFormat.timestamp(lc.longAt(h, c, k))).append('"');
      case DATE -> b.append('"').append(ValueFormat.date(lc.longAt(h, c, k))).append('"');
      case UUID ->
          b.append('"')
              .append(ValueFormat.uuid(lc.longAt(h, c, k), lc.uuidLowAt(h, c, k)))
              .append('"');
      case STRING -> {
        String s = lc.stringAt(h, c, k);
        if (col.type() == dev.syngen.core.scenario.ColumnType.JSON) {
          b.append(s);
        } else {
          string(b, s);
        }
      }
    }
  }

  static void string(StringBuilder b, String s) {
    b.append('"');
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      switch (ch) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (ch < 0x20) {
            b.append(String.format("\\u%04x", (int) ch));
          } else {
            b.append(ch);
          }
        }
      }
    }
    b.append('"');
  }
}
