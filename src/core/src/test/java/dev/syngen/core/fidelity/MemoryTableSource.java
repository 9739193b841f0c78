package dev.syngen.core.fidelity;

import dev.syngen.core.engine.ValueFormat;
import dev.syngen.core.generate.Generator;
import dev.syngen.core.plan.CompiledColumn;
import dev.syngen.core.plan.CompiledEntity;
import dev.syngen.core.plan.CompiledPlan;
import dev.syngen.core.random.CellRandom;
import dev.syngen.core.sink.SinkException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Tables held in memory as the text a sink would write, filled from a compiled plan; tests then
 * damage them to see the validator catch it.
 */
final class MemoryTableSource implements TableSource {
  final Map<String, List<String>> headers = new HashMap<>();
  final Map<String, List<String[]>> rows = new HashMap<>();

  static MemoryTableSource of(CompiledPlan plan) {
    MemoryTableSource m = new MemoryTableSource();
    for (CompiledEntity e : plan.included()) {
      List<String> header = e.columns().stream().map(CompiledColumn::name).toList();
      List<String[]> data = new ArrayList<>();
      for (long r = 0; r < e.rows(); r++) {
        String[] row = new String[header.size()];
        for (int c = 0; c < row.length; c++) {
          row[c] = text(e.columns().get(c), r);
        }
        data.add(row);
      }
      m.headers.put(e.table(), header);
      m.rows.put(e.table(), data);
    }
    return m;
  }

  private static String text(CompiledColumn c, long row) {
    if (CellRandom.unit(c.key(), row, CellRandom.NULL_DRAW) < c.nullRate()) {
      return null;
    }
    Generator g = c.generator();
    long k = c.key();
    return switch (g.kind()) {
      case DOUBLE -> Double.toString(g.doubleAt(k, row));
      case STRING -> g.stringAt(k, row);
      case BOOL -> g.longAt(k, row) != 0 ? "true" : "false";
      case TIMESTAMP -> ValueFormat.timestamp(g.longAt(k, row));
      case DATE -> ValueFormat.date(g.longAt(k, row));
      case UUID -> ValueFormat.uuid(g.longAt(k, row), g.uuidLowAt(k, row));
      case LONG -> Long.toString(g.longAt(k, row));
    };
  }

  int column(String table, String column) {
    return headers.get(table).indexOf(column);
  }

  private int[] indexes(String table, List<String> columns) {
    if (!rows.containsKey(table)) {
      throw new SinkException("no table " + table);
    }
    int[] idx = new int[columns.size()];
    for (int i = 0; i < idx.length; i++) {
      idx[i] = column(table, columns.get(i));
      if (idx[i] < 0) {
        throw new SinkException("table " + table + " has no column " + columns.get(i));
      }
    }
    return idx;
  }

  @Override
  public List<String> columns(String table) {
    return headers.get(table);
  }

  @Override
  public Sample sample(String table, List<String> columns, int n, long seed) {
    int[] idx = indexes(table, columns);
    List<String[]> all = rows.get(table);
    List<String[]> out = new ArrayList<>();
    Random random = new Random(seed);
    double p = Math.min(1.0, n / (double) Math.max(1, all.size()));
    for (String[] r : all) {
      if (out.size() < n && random.nextDouble() < p) {
        String[] v = new String[idx.length];
        for (int i = 0; i < idx.length; i++) {
          v[i] = r[idx[i]];
        }
        out.add(v);
      }
    }
    return new Sample(all.size(), out);
  }

  @Override
  public void scan(String table, List<String> columns, String orderBy, RowVisitor visitor) {
    int[] idx = indexes(table, columns);
    String[] v = new String[idx.length];
    for (String[] r : rows.get(table)) {
      for (int i = 0; i < idx.length; i++) {
        v[i] = r[idx[i]];
      }
      visitor.row(v);
    }
  }

  @Override
  public void close() {}
}
