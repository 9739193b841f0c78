package dev.syngen.io.file;

import dev.syngen.core.engine.ColumnVector;
import dev.syngen.core.engine.RowBatch;
import dev.syngen.core.plan.CompiledColumn;
import dev.syngen.core.plan.CompiledEntity;
import dev.syngen.io.encode.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/** RFC 4180 CSV: a header row, CRLF-free fields quoted when needed, empty field for NULL. */
final class CsvFormat implements TextFormat {
  private static final byte[] EMPTY = {'"', '"'};

  /**
   * Plain columns by entity, worked out at the entity's first batch: a faker column's answer scans
   * every word of its dictionaries, which per batch was a quarter of a faker run's time.
   */
  private final java.util.Map<CompiledEntity, boolean[]> plainByEntity =
      java.util.Collections.synchronizedMap(new java.util.IdentityHashMap<>());

  @Override
  public String extension() {
    return ".csv";
  }

  @Override
  public byte[] header(CompiledEntity entity) {
    return (headerLine(entity) + "\n").getBytes(StandardCharsets.UTF_8);
  }

  private static String headerLine(CompiledEntity entity) {
    return entity.columns().stream().map(CompiledColumn::name).collect(Collectors.joining(","));
  }

  @Override
  public String checkExisting(CompiledEntity entity, String firstLine) {
    String expected = headerLine(entity);
    return expected.equals(firstLine)
        ? null
        : "its header is '" + firstLine + "' but the entity's columns are '" + expected + "'";
  }

  @Override
  public void encode(RowBatch b, ByteBuf out, int[] ends) {
    int cols = b.columnCount();
    boolean[] plain = plainByEntity.computeIfAbsent(b.entity(), e -> plainColumns(b));
    for (int r = 0; r < b.size(); r++) {
      for (int c = 0; c < cols; c++) {
        if (c > 0) {
          out.put((byte) ',');
        }
        ColumnVector v = b.column(c);
        if (v.isNull(r)) {
          continue;
        }
        switch (v.kind) {
          case LONG -> out.putLong(v.longs[r]);
          case DOUBLE -> out.putDouble(v.doubles[r]);
          case BOOL -> out.putAscii(v.longs[r] != 0 ? "true" : "false");
          case TIMESTAMP -> out.putTimestamp(v.longs[r]);
          case DATE -> out.putDate(v.longs[r]);
          case UUID -> out.putUuid(v.longs[r], v.lows[r]);
          case STRING -> putField(out, v.strings[r], plain[c]);
        }
      }
      out.put((byte) '\n');
      if (ends != null) {
        ends[r] = out.size;
      }
    }
  }

  /**
   * Which text columns can never need quotes, from what their generators can emit (a faker
   * dictionary without commas, a choice of plain words, a number written as text).
   */
  private static boolean[] plainColumns(RowBatch b) {
    List<CompiledColumn> columns = b.entity().columns();
    boolean[] plain = new boolean[columns.size()];
    for (int c = 0; c < plain.length; c++) {
      plain[c] = columns.get(c).generator().plainText();
    }
    return plain;
  }

  /**
   * Writes one text field. A column known to be plain is copied as it is; any other is copied in
   * the same pass that looks for characters needing quotes, and rewritten quoted only if it has
   * one.
   */
  private static void putField(ByteBuf out, String s, boolean plain) {
    int n = s.length();
    if (n == 0) {
      out.put(EMPTY); // distinguishes an empty string from NULL
      return;
    }
    if (plain) {
      out.putUtf8(s);
      return;
    }
    out.ensure(n);
    byte[] d = out.data;
    int start = out.size;
    int p = start;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c >= 0x80 || c == ',' || c == '"' || c == '\n' || c == '\r') {
        out.size = start;
        putChecked(out, s);
        return;
      }
      d[p++] = (byte) c;
    }
    out.size = p;
  }

  private static void putChecked(ByteBuf out, String s) {
    if (!needsQuotes(s)) {
      out.putUtf8(s);
      return;
    }
    out.put((byte) '"');
    out.putUtf8(s.replace("\"", "\"\""));
    out.put((byte) '"');
  }

  private static boolean needsQuotes(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == ',' || c == '"' || c == '\n' || c == '\r') {
        return true;
      }
    }
    return false;
  }
}
