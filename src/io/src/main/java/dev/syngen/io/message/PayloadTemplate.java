package dev.syngen.io.message;

import dev.syngen.core.engine.RowBatch;
import dev.syngen.core.plan.CompiledColumn;
import dev.syngen.core.plan.CompiledEntity;
import dev.syngen.io.encode.ByteBuf;
import dev.syngen.io.encode.JsonRecords;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A payload template bound to one entity: text with {@code {{column}}} placeholders that take the
 * column's JSON value (strings quoted, NULL as {@code null}) and {@code {{_row}}} for the row
 * index. Parsed once; rendering is a loop over literal bytes and column indexes.
 */
public final class PayloadTemplate {
  private static final Pattern PLACEHOLDER =
      Pattern.compile("\\{\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}}");
  private static final int ROW = -1;

  private final byte[][] literals;
  private final int[] columns;

  private PayloadTemplate(byte[][] literals, int[] columns) {
    this.literals = literals;
    this.columns = columns;
  }

  /** The placeholder names a template uses, {@code _row} excluded. */
  public static Set<String> columnsOf(String template) {
    Set<String> names = new LinkedHashSet<>();
    Matcher m = PLACEHOLDER.matcher(template);
    while (m.find()) {
      if (!m.group(1).equals("_row")) {
        names.add(m.group(1));
      }
    }
    return names;
  }

  /** Binds the template to an entity, or returns null when the entity lacks one of its columns. */
  public static PayloadTemplate bind(String template, CompiledEntity entity) {
    List<byte[]> literals = new ArrayList<>();
    List<Integer> columns = new ArrayList<>();
    Matcher m = PLACEHOLDER.matcher(template);
    int at = 0;
    while (m.find()) {
      literals.add(template.substring(at, m.start()).getBytes(StandardCharsets.UTF_8));
      int c = m.group(1).equals("_row") ? ROW : indexOf(entity, m.group(1));
      if (c == -2) {
        return null;
      }
      columns.add(c);
      at = m.end();
    }
    literals.add(template.substring(at).getBytes(StandardCharsets.UTF_8));
    return new PayloadTemplate(
        literals.toArray(byte[][]::new), columns.stream().mapToInt(Integer::intValue).toArray());
  }

  private static int indexOf(CompiledEntity entity, String name) {
    List<CompiledColumn> cols = entity.columns();
    for (int i = 0; i < cols.size(); i++) {
      if (cols.get(i).name().equals(name)) {
        return i;
      }
    }
    return -2;
  }

  public void render(RowBatch batch, int r, ByteBuf out) {
    for (int i = 0; i < columns.length; i++) {
      out.put(literals[i]);
      if (columns[i] == ROW) {
        out.putLong(batch.firstRow() + r);
      } else {
        JsonRecords.value(batch.column(columns[i]), r, out);
      }
    }
    out.put(literals[columns.length]);
  }
}
