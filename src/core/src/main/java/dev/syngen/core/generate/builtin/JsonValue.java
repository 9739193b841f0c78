package dev.syngen.core.generate.builtin;

import dev.syngen.core.engine.ValueFormat;
import dev.syngen.core.generate.Generator;
import dev.syngen.core.generate.GeneratorContext;
import dev.syngen.core.generate.Params;
import dev.syngen.core.random.CellRandom;
import dev.syngen.core.scenario.ColumnType;
import java.util.Map;

/**
 * One value inside a JSON document built by {@code json_object} or {@code json_array}: a bound
 * generator of a column type, written as the JSON value a JSON record holds for that type (json
 * values verbatim, timestamps, dates and UUIDs as strings), with an optional share of nulls.
 */
final class JsonValue {
  private final Generator generator;
  private final ColumnType type;
  private final double nullRate;

  private JsonValue(Generator generator, ColumnType type, double nullRate) {
    this.generator = generator;
    this.type = type;
    this.nullRate = nullRate;
  }

  /**
   * Binds {@code {type, generator, null_rate}} found at {@code param}; problems are reported there.
   */
  static JsonValue bind(GeneratorContext ctx, String param, Object node, long key) {
    Params p = ctx.params();
    if (!(node instanceof Map<?, ?> m)) {
      p.problem(param, "must be a mapping", "write {type: string, generator: {type: ...}}");
      return null;
    }
    for (Object k : m.keySet()) {
      if (!Map.of("type", 0, "generator", 0, "null_rate", 0, "name", 0, "absent_rate", 0)
          .containsKey(String.valueOf(k))) {
        p.problem(
            param + "." + k,
            "unknown field '" + k + "'",
            "use name, type, generator, null_rate, absent_rate");
        return null;
      }
    }
    ColumnType type = ColumnType.parse(String.valueOf(m.get("type"))).orElse(null);
    if (type == null) {
      p.problem(
          param + ".type",
          "'" + m.get("type") + "' is not a column type",
          "use one of: " + ColumnType.allNames());
      return null;
    }
    double nullRate = rate(p, param + ".null_rate", m.get("null_rate"));
    Object spec = m.get("generator");
    if (spec == null) {
      p.problem(param + ".generator", "is missing", "add generator: {type: ..., params: {...}}");
      return null;
    }
    Generator g = ctx.nested(param + ".generator", spec, type, key);
    if (g == null || nullRate < 0) {
      return null;
    }
    if (g.kind() != type.kind()) {
      p.problem(
          param + ".generator",
          "makes " + g.kind() + " values, not " + type.yamlName(),
          "choose a generator for " + type.yamlName() + " values");
      return null;
    }
    return new JsonValue(g, type, nullRate);
  }

  /** A share in [0, 1) read at {@code path}, 0 when absent; -1 (reported) when invalid. */
  static double rate(Params p, String path, Object raw) {
    if (raw == null) {
      return 0;
    }
    double d = raw instanceof Number n ? n.doubleValue() : Double.NaN;
    if (!(d >= 0 && d < 1)) {
      p.problem(path, "must be a number in [0, 1), got '" + raw + "'", "use e.g. 0.1");
      return -1;
    }
    return d;
  }

  /** Appends the value of the cell ({@code key}, {@code row}). */
  void append(StringBuilder out, long key, long row) {
    if (nullRate > 0 && CellRandom.unit(key, row, CellRandom.NULL_DRAW) < nullRate) {
      out.append("null");
      return;
    }
    switch (generator.kind()) {
      case LONG -> out.append(generator.longAt(key, row));
      case DOUBLE -> {
        double d = generator.doubleAt(key, row);
        if (Double.isFinite(d)) {
          out.append(d);
        } else {
          out.append("null");
        }
      }
      case BOOL -> out.append(generator.longAt(key, row) != 0);
      case TIMESTAMP ->
          out.append('"').append(ValueFormat.timestamp(generator.longAt(key, row))).append('"');
      case DATE -> out.append('"').append(ValueFormat.date(generator.longAt(key, row))).append('"');
      case UUID ->
          out.append('"')
              .append(ValueFormat.uuid(generator.longAt(key, row), generator.uuidLowAt(key, row)))
              .append('"');
      case STRING -> {
        String s = generator.stringAt(key, row);
        if (type == ColumnType.JSON) {
          out.append(s);
        } else {
          string(out, s);
        }
      }
    }
  }

  /** Appends {@code s} as a JSON string. */
  static void string(StringBuilder out, String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20) {
        switch (c) {
          case '\n' -> out.append("\\n");
          case '\r' -> out.append("\\r");
          case '\t' -> out.append("\\t");
          default -> out.append(String.format("\\u%04x", (int) c));
        }
      } else {
        out.append(c);
      }
    }
    out.append('"');
  }

  /** A stable sub-stream key for a named part of a document. */
  static long keyOf(long key, String name) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < name.length(); i++) {
      h = (h ^ name.charAt(i)) * 0x100000001b3L;
    }
    return CellRandom.mix(key ^ CellRandom.mix(h));
  }
}
