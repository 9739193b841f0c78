package dev.syngen.server.interfaces.console;

import dev.syngen.core.engine.ColumnVector;
import dev.syngen.core.engine.RowBatch;
import dev.syngen.core.engine.ValueFormat;
import dev.syngen.core.plan.CompiledColumn;
import dev.syngen.core.plan.CompiledEntity;
import dev.syngen.core.plan.CompiledPlan;
import java.util.ArrayList;
import java.util.List;

/**
 * The first rows of each entity of a plan, computed by the engine exactly as a run writes them
 * (every cell is a pure function of seed, entity, column and row), without touching any target.
 */
public final class DataPreview {
  private DataPreview() {}

  public static List<EntityPreview> of(CompiledPlan plan, int rows) {
    List<EntityPreview> out = new ArrayList<>();
    for (CompiledEntity e : plan.included()) {
      int n = (int) Math.min(rows, e.rows());
      List<String> columns = e.columns().stream().map(CompiledColumn::name).toList();
      List<List<String>> cells = new ArrayList<>();
      if (n > 0) {
        RowBatch b = new RowBatch(e, n).fill(0, n);
        for (int i = 0; i < n; i++) {
          List<String> row = new ArrayList<>();
          for (int c = 0; c < b.columnCount(); c++) {
            row.add(cell(b.column(c), i));
          }
          cells.add(row);
        }
      }
      out.add(new EntityPreview(e.name(), columns, cells));
    }
    return out;
  }

  static String cell(ColumnVector v, int i) {
    if (v.isNull(i)) {
      return "NULL";
    }
    return switch (v.kind) {
      case LONG -> Long.toString(v.longs[i]);
      case DOUBLE -> Double.toString(v.doubles[i]);
      case BOOL -> v.longs[i] != 0 ? "true" : "false";
      case TIMESTAMP -> ValueFormat.timestamp(v.longs[i]);
      case DATE -> ValueFormat.date(v.longs[i]);
      case UUID -> ValueFormat.uuid(v.longs[i], v.lows[i]);
      case STRING -> v.strings[i];
    };
  }
}
