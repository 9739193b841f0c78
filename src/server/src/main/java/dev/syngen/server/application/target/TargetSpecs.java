package dev.syngen.server.application.target;

import dev.syngen.core.problem.Problems;
import dev.syngen.server.application.scenario.ScenarioCatalog;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a target document (from a file in targets/ or a REST body) into a {@link TargetSpec} as
 * written, without expanding {@code ${VAR}}: shape problems carry their field paths.
 */
public final class TargetSpecs {
  private static final Set<String> KEYS = Set.of("id", "name", "kind", "dsn", "schema", "options");

  /** The history table's column sizes: a longer value would fail the insert with a 500. */
  static final int MAX_NAME = 256;

  static final int MAX_SCHEMA = 64;
  static final int MAX_DSN = 2048;

  private TargetSpecs() {}

  /** The spec of {@code tree}, or null with problems; {@code fallbackId} when it has no id. */
  public static TargetSpec fromTree(Object tree, String fallbackId, Problems problems) {
    if (!(tree instanceof Map<?, ?> raw)) {
      problems.add(
          "(document)",
          "must be an object with id, name, kind, dsn, schema, options",
          "see docs/targets.md");
      return null;
    }
    int before = problems.list().size();
    Map<String, Object> m = new LinkedHashMap<>();
    raw.forEach((k, v) -> m.put(String.valueOf(k), v));
    for (String k : m.keySet()) {
      if (!KEYS.contains(k)) {
        problems.add(
            k,
            "unknown field '" + k + "'",
            "use only: " + String.join(", ", KEYS.stream().sorted().toList()));
      }
    }
    String id = scalar(m, "id", problems);
    if (id == null) {
      id = fallbackId;
    }
    if (id == null || !ScenarioCatalog.ID.matcher(id).matches()) {
      problems.add(
          "id",
          id == null ? "is missing" : "'" + id + "' is not a valid id",
          "use 1-64 letters, digits, '_' and '-', starting with a letter, digit or '_'");
    }
    String kind = required(m, "kind", problems, "set kind to one of sqlite, postgres, csv, ndjson");
    String dsn = required(m, "dsn", problems, "set dsn to a connection URL or directory");
    String name = scalar(m, "name", problems);
    String schema = scalar(m, "schema", problems);
    Map<String, String> options = options(m.get("options"), problems);
    tooLong("name", name, MAX_NAME, problems);
    tooLong("schema", schema, MAX_SCHEMA, problems);
    tooLong("dsn", dsn, MAX_DSN, problems);
    if (problems.list().size() > before) {
      return null;
    }
    return new TargetSpec(id, name, kind.trim().toLowerCase(Locale.ROOT), dsn, schema, options);
  }

  private static void tooLong(String key, String value, int max, Problems p) {
    if (value != null && value.length() > max) {
      p.add(key, "is " + value.length() + " characters long; at most " + max, "shorten it");
    }
  }

  private static String required(Map<String, Object> m, String key, Problems p, String fix) {
    String v = scalar(m, key, p);
    if (v == null || v.isBlank()) {
      if (!(m.get(key) instanceof Map || m.get(key) instanceof List)) {
        p.add(key, "is missing", fix);
      }
      return null;
    }
    return v;
  }

  private static String scalar(Map<String, Object> m, String key, Problems p) {
    Object v = m.get(key);
    if (v == null) {
      return null;
    }
    if (v instanceof Map || v instanceof List) {
      p.add(key, "must be a plain value", "write it as a single string");
      return null;
    }
    return String.valueOf(v);
  }

  private static Map<String, String> options(Object v, Problems p) {
    Map<String, String> out = new LinkedHashMap<>();
    if (v == null) {
      return out;
    }
    if (!(v instanceof Map<?, ?> o)) {
      p.add("options", "must be an object of names to values", "write options: {key: value}");
      return out;
    }
    o.forEach(
        (k, val) -> {
          if (val == null || val instanceof Map || val instanceof List) {
            p.add("options." + k, "must be a plain value", "write it as a single string");
          } else {
            out.put(String.valueOf(k), String.valueOf(val));
          }
        });
    return out;
  }
}
