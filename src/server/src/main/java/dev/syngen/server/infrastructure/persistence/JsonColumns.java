package dev.syngen.server.infrastructure.persistence;

import dev.syngen.server.application.target.TargetSpec;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads and writes the small JSON documents kept in text columns (overrides, options). */
final class JsonColumns {
  private final Jsonb jsonb = JsonbBuilder.create();

  String write(Object value) {
    return value == null ? null : jsonb.toJson(value);
  }

  @SuppressWarnings("unchecked")
  Map<String, Object> readMap(String text) {
    if (text == null || text.isBlank()) {
      return new LinkedHashMap<>();
    }
    try {
      return jsonb.fromJson(text, LinkedHashMap.class);
    } catch (JsonbException e) {
      throw new IllegalStateException("stored JSON is unreadable: " + e.getMessage(), e);
    }
  }

  Map<String, String> readStrings(String text) {
    return strings(readMap(text));
  }

  TargetSpec readTarget(String text) {
    Map<String, Object> m = readMap(text);
    Map<String, String> options = m.get("options") instanceof Map<?, ?> o ? strings(o) : Map.of();
    return new TargetSpec(
        text(m, "id"),
        text(m, "name"),
        text(m, "kind"),
        text(m, "dsn"),
        text(m, "schema"),
        options);
  }

  private static String text(Map<String, Object> m, String key) {
    Object v = m.get(key);
    return v == null ? null : String.valueOf(v);
  }

  private static Map<String, String> strings(Map<?, ?> m) {
    Map<String, String> out = new LinkedHashMap<>();
    m.forEach((k, v) -> out.put(String.valueOf(k), v == null ? null : String.valueOf(v)));
    return out;
  }
}
