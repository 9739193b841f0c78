package dev.syngen.core.scenario;

import dev.syngen.core.engine.ColumnVector;
import dev.syngen.core.engine.RowBatch;
import dev.syngen.core.engine.ValueFormat;
import dev.syngen.core.generate.GeneratorRegistry;
import dev.syngen.core.plan.CompiledEntity;
import dev.syngen.core.plan.CompiledPlan;
import dev.syngen.core.plan.PlanCompiler;
import dev.syngen.core.plan.RunOverrides;
import dev.syngen.core.problem.Problems;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Test helper: compiles a one-entity scenario from a JSON Schema and writes its rows as JSON
 * records the way the JSON targets do (json columns verbatim, timestamps, dates and UUIDs as
 * strings, NULL as null).
 */
final class SchemaRecords {
  static final Instant AS_OF = Instant.parse("2026-01-01T00:00:00Z");

  private SchemaRecords() {}

  static CompiledEntity compile(Object schema, long rows, long seed) {
    Map<String, Object> entity = new LinkedHashMap<>();
    entity.put("name", "record");
    entity.put("rows", rows);
    entity.put("schema", schema);
    Map<String, Object> tree = new LinkedHashMap<>();
    tree.put("id", "schema-test");
    tree.put("name", "schema test");
    tree.put("entities", List.of(entity));
    Problems problems = new Problems();
    Scenario s = ScenarioMapper.map(tree, "schema-test", problems);
    problems.throwIfAny("schema");
    CompiledPlan plan =
        new PlanCompiler(GeneratorRegistry.builtins())
            .compile(s, RunOverrides.NONE.withSeed(seed).withAsOf(AS_OF));
    return plan.entities().get(0);
  }

  /** Rows [first, first + count) as JSON texts, generated in batches of {@code batch} rows. */
  static List<String> json(CompiledEntity e, long first, int count, int batch) {
    List<String> out = new ArrayList<>(count);
    RowBatch b = new RowBatch(e, batch);
    for (long r = first; r < first + count; r += batch) {
      int n = (int) Math.min(batch, first + count - r);
      b.fill(r, n);
      for (int i = 0; i < n; i++) {
        out.add(row(b, i));
      }
    }
    return out;
  }

  private static String row(RowBatch b, int r) {
    StringBuilder sb = new StringBuilder("{");
    for (int c = 0; c < b.columnCount(); c++) {
      var col = b.entity().columns().get(c);
      ColumnVector v = b.column(c);
      if (c > 0) {
        sb.append(',');
      }
      sb.append('"').append(col.name()).append("\":");
      if (v.isNull(r)) {
        sb.append("null");
        continue;
      }
      switch (v.kind) {
        case LONG -> sb.append(v.longs[r]);
        case DOUBLE -> sb.append(v.doubles[r]);
        case BOOL -> sb.append(v.longs[r] != 0);
        case TIMESTAMP -> sb.append('"').append(ValueFormat.timestamp(v.longs[r])).append('"');
        case DATE -> sb.append('"').append(ValueFormat.date(v.longs[r])).append('"');
        case UUID -> sb.append('"').append(ValueFormat.uuid(v.longs[r], v.lows[r])).append('"');
        case STRING -> {
          if (col.type() == ColumnType.JSON) {
            sb.append(v.strings[r]);
          } else {
            sb.append(quote(v.strings[r]));
          }
        }
      }
    }
    return sb.append('}').toString();
  }

  private static String quote(String s) {
    StringBuilder sb = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') {
        sb.append('\\').append(c);
      } else if (c < 0x20) {
        sb.append(String.format("\\u%04x", (int) c));
      } else {
        sb.append(c);
      }
    }
    return sb.append('"').toString();
  }
}
