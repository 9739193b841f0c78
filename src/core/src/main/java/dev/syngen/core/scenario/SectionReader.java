package dev.syngen.core.scenario;

import dev.syngen.core.problem.Problems;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Typed, path-aware reads of a parsed document tree for the scenario sections added on top of the
 * base format. Every shape problem is recorded with its path and a fix; reads return null instead
 * of throwing so that mapping goes on and all problems are reported together.
 */
final class SectionReader {
  private final Problems problems;

  SectionReader(Problems problems) {
    this.problems = problems;
  }

  void problem(String path, String message, String fix) {
    problems.add(path, message, fix);
  }

  @SuppressWarnings("unchecked")
  Map<String, Object> map(Object node, String path, String fix) {
    if (node instanceof Map<?, ?> m) {
      Map<String, Object> out = new LinkedHashMap<>();
      m.forEach((k, v) -> out.put(String.valueOf(k), v));
      return out;
    }
    problems.add(path, node == null ? "is empty" : "must be a mapping (key: value pairs)", fix);
    return null;
  }

  List<?> list(Object node, String path, String fix) {
    if (node instanceof List<?> l) {
      return l;
    }
    problems.add(path, node == null ? "is empty" : "must be a list", fix);
    return null;
  }

  void keys(Map<String, Object> m, Set<String> known, String path) {
    for (String k : m.keySet()) {
      if (!known.contains(k)) {
        problems.add(
            path + "." + k,
            "unknown field '" + k + "'",
            "remove it or use one of: " + String.join(", ", known.stream().sorted().toList()));
      }
    }
  }

  String text(Object v, String path, String example) {
    if (v == null || v instanceof Map || v instanceof List || String.valueOf(v).isBlank()) {
      problems.add(
          path, v == null ? "is missing" : "must be a non-empty text", "write e.g. " + example);
      return null;
    }
    return String.valueOf(v).trim();
  }

  Double number(Object v, String path, String example) {
    if (v instanceof Number n && Double.isFinite(n.doubleValue())) {
      return n.doubleValue();
    }
    if (v instanceof String s) {
      try {
        double d = Double.parseDouble(s.trim());
        if (Double.isFinite(d)) {
          return d;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
    }
    problems.add(
        path,
        v == null ? "is missing" : "must be a number, got '" + v + "'",
        "write e.g. " + example);
    return null;
  }

  /** A generator spec: {@code {type: ..., params: {...}}} or the shorthand {@code type}. */
  GeneratorSpec generator(Object node, String path, String example) {
    if (node instanceof String s && !s.isBlank()) {
      return new GeneratorSpec(s.trim(), Map.of());
    }
    Map<String, Object> m = map(node, path, "write e.g. " + example);
    if (m == null) {
      return null;
    }
    keys(m, Set.of("type", "params"), path);
    String type = text(m.get("type"), path + ".type", "zipf");
    Map<String, Object> params =
        m.get("params") == null
            ? Map.of()
            : map(m.get("params"), path + ".params", "write params: {...}");
    return type == null || params == null ? null : new GeneratorSpec(type, params);
  }

  /** A qualified column name {@code entity.column}, as [entity, column]; null if malformed. */
  String[] qualified(Object v, String path) {
    String s = text(v, path, "orders.amount");
    if (s == null) {
      return null;
    }
    int dot = s.indexOf('.');
    if (dot <= 0 || dot == s.length() - 1 || s.indexOf('.', dot + 1) >= 0) {
      problems.add(path, "'" + s + "' is not entity.column", "write e.g. orders.amount");
      return null;
    }
    return new String[] {s.substring(0, dot), s.substring(dot + 1)};
  }
}
