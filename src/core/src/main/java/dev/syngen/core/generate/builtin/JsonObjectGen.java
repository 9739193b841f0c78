package dev.syngen.core.generate.builtin;

import dev.syngen.core.generate.Generator;
import dev.syngen.core.generate.GeneratorContext;
import dev.syngen.core.generate.GeneratorFactory;
import dev.syngen.core.generate.Params;
import dev.syngen.core.random.CellRandom;
import dev.syngen.core.scenario.ValueKind;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A JSON object per row whose properties are values of nested generators: {@code properties} is a
 * list of {@code {name, type, generator, null_rate, absent_rate}}; each property draws from its own
 * sub-stream of the column's key (named by the property), so adding a property never changes the
 * others. {@code absent_rate} leaves the property out of that share of objects.
 */
public final class JsonObjectGen implements Generator {
  public static final GeneratorFactory FACTORY =
      GeneratorFactory.of(
          "json_object",
          "a JSON object of nested generators; params: properties ([{name, type, generator,"
              + " null_rate, absent_rate}])",
          JsonObjectGen::create);

  /** Draw that decides whether an optional property is present (apart from value and null). */
  private static final int ABSENT_DRAW = -2;

  private final char[][] names; // "\"name\":"
  private final JsonValue[] values;
  private final long[] salts;
  private final double[] absentRates;

  private JsonObjectGen(char[][] names, JsonValue[] values, long[] salts, double[] absentRates) {
    this.names = names;
    this.values = values;
    this.salts = salts;
    this.absentRates = absentRates;
  }

  private static Generator create(GeneratorContext ctx) {
    Params p = ctx.params();
    Object raw = p.raw("properties");
    List<?> props = raw instanceof List<?> l ? l : null;
    if (props == null) {
      p.problem(
          "properties",
          raw == null ? "is missing" : "must be a list",
          "write properties: [{name: city, type: string, generator: faker_city}]");
      return null;
    }
    int n = props.size();
    char[][] names = new char[n][];
    JsonValue[] values = new JsonValue[n];
    long[] salts = new long[n];
    double[] absent = new double[n];
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < n; i++) {
      String param = "properties[" + i + "]";
      Object node = props.get(i);
      Object name = node instanceof Map<?, ?> m ? m.get("name") : null;
      if (!(name instanceof String s) || s.isEmpty()) {
        p.problem(param + ".name", "is missing", "give every property a name");
        continue;
      }
      if (!seen.add(s)) {
        p.problem(param + ".name", "'" + s + "' is given twice", "keep one of them");
        continue;
      }
      StringBuilder sb = new StringBuilder();
      JsonValue.string(sb, s);
      names[i] = sb.append(':').toString().toCharArray();
      salts[i] = JsonValue.keyOf(0, s);
      absent[i] = JsonValue.rate(p, param + ".absent_rate", ((Map<?, ?>) node).get("absent_rate"));
      values[i] = JsonValue.bind(ctx, param, node, ctx.key() ^ salts[i]);
    }
    if (!p.ok()) {
      return null;
    }
    return new JsonObjectGen(names, values, salts, absent);
  }

  @Override
  public ValueKind kind() {
    return ValueKind.STRING;
  }

  @Override
  public String stringAt(long key, long row) {
    StringBuilder out = new StringBuilder(64 + 24 * names.length);
    append(out, key, row);
    return out.toString();
  }

  void append(StringBuilder out, long key, long row) {
    out.append('{');
    boolean first = true;
    for (int i = 0; i < names.length; i++) {
      long k = key ^ salts[i];
      if (absentRates[i] > 0 && CellRandom.unit(k, row, ABSENT_DRAW) < absentRates[i]) {
        continue;
      }
      if (!first) {
        out.append(',');
      }
      first = false;
      out.append(names[i]);
      values[i].append(out, k, row);
    }
    out.append('}');
  }
}
