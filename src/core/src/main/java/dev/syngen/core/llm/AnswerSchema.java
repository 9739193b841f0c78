package dev.syngen.core.llm;

import dev.syngen.core.generate.Params;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The {@code json_schema} of an {@code llm_text} column: the JSON Schema subset a structured answer
 * is asked for with and checked against (type, properties, required, additionalProperties, enum,
 * const, items, minItems, maxItems, minLength, maxLength, pattern, minimum, maximum; title,
 * description and format are passed on unchecked). Any other keyword is refused with its path when
 * the plan is compiled, never ignored.
 */
final class AnswerSchema {
  private static final Set<String> KEYWORDS =
      Set.of(
          "type",
          "properties",
          "required",
          "additionalProperties",
          "enum",
          "const",
          "items",
          "minItems",
          "maxItems",
          "minLength",
          "maxLength",
          "pattern",
          "minimum",
          "maximum",
          "title",
          "description",
          "format");
  private static final Set<String> TYPES =
      Set.of("object", "array", "string", "number", "integer", "boolean", "null");

  /** Between a problem's path and its message (a property name may hold spaces). */
  private static final char SEP = '\u0000';

  private final Map<String, Object> tree;

  private AnswerSchema(Map<String, Object> tree) {
    this.tree = tree;
  }

  /** The schema in {@code raw} (a mapping), or null after recording its problems. */
  static AnswerSchema read(Object raw, Params p, String param) {
    List<String> problems = new ArrayList<>();
    Object tree = normalise(raw, param, problems);
    for (String problem : problems) {
      int at = problem.indexOf(SEP);
      p.problem(
          problem.substring(0, at),
          problem.substring(at + 1),
          "use type, properties, required, enum, const, items, minItems/maxItems,"
              + " minLength/maxLength, pattern, minimum/maximum (docs/llm.md)");
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> m = (Map<String, Object>) tree;
    return problems.isEmpty() ? new AnswerSchema(m) : null;
  }

  /** The schema as JSON text: what is sent and what the cache key holds. */
  String json() {
    return JsonText.write(tree);
  }

  Map<String, Object> tree() {
    return tree;
  }

  /** A copy of {@code raw} with string keys, checking every keyword on the way. */
  private static Object normalise(Object raw, String path, List<String> problems) {
    if (!(raw instanceof Map<?, ?> m)) {
      problems.add(path + SEP + "must be a mapping (a JSON Schema object)");
      return Map.of();
    }
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : m.entrySet()) {
      String k = String.valueOf(e.getKey());
      Object v = e.getValue();
      String at = path + "." + k;
      if (!KEYWORDS.contains(k)) {
        problems.add(at + SEP + "keyword '" + k + "' is not supported in an llm_text json_schema");
        continue;
      }
      switch (k) {
        case "properties" -> {
          if (!(v instanceof Map<?, ?> props)) {
            problems.add(at + SEP + "must map property names to schemas");
            continue;
          }
          Map<String, Object> ps = new LinkedHashMap<>();
          props.forEach((n, s) -> ps.put(String.valueOf(n), normalise(s, at + "." + n, problems)));
          out.put(k, ps);
        }
        case "items" -> out.put(k, normalise(v, at, problems));
        case "type" -> {
          List<?> types = v instanceof List<?> l ? l : List.of(String.valueOf(v));
          for (Object t : types) {
            if (!TYPES.contains(String.valueOf(t))) {
              problems.add(at + SEP + "'" + t + "' is not a JSON Schema type");
            }
          }
          out.put(k, v);
        }
        case "pattern" -> {
          try {
            Pattern.compile(String.valueOf(v));
          } catch (PatternSyntaxException ex) {
            problems.add(at + SEP + "is not a regular expression: " + ex.getDescription());
          }
          out.put(k, String.valueOf(v));
        }
        default -> out.put(k, v);
      }
    }
    return out;
  }

  /**
   * Null if {@code value} (as {@link JsonText} reads it) fits, else what does not, with its path.
   */
  String check(Object value) {
    return check(tree, value, "$");
  }

  private static String check(Map<String, Object> s, Object v, String path) {
    Object type = s.get("type");
    if (type != null) {
      List<?> types = type instanceof List<?> l ? l : List.of(type);
      if (types.stream().noneMatch(t -> is(String.valueOf(t), v))) {
        return path + " is not of type " + type;
      }
    }
    if (s.containsKey("const") && !same(s.get("const"), v)) {
      return path + " is not " + s.get("const");
    }
    if (s.get("enum") instanceof List<?> values && values.stream().noneMatch(e -> same(e, v))) {
      return path + " is not one of " + values;
    }
    if (v instanceof String str) {
      String p = lengths(s, str.codePointCount(0, str.length()), "minLength", "maxLength", path);
      if (p != null) {
        return p;
      }
      if (s.get("pattern") instanceof String re && !Pattern.compile(re).matcher(str).find()) {
        return path + " does not match " + re;
      }
    }
    if (v instanceof BigDecimal d) {
      if (s.get("minimum") instanceof Number min && d.compareTo(big(min)) < 0) {
        return path + " is below " + min;
      }
      if (s.get("maximum") instanceof Number max && d.compareTo(big(max)) > 0) {
        return path + " is above " + max;
      }
    }
    if (v instanceof List<?> l) {
      String p = lengths(s, l.size(), "minItems", "maxItems", path);
      if (p != null) {
        return p;
      }
      if (s.get("items") instanceof Map<?, ?> items) {
        for (int k = 0; k < l.size(); k++) {
          String q = check(cast(items), l.get(k), path + "[" + k + "]");
          if (q != null) {
            return q;
          }
        }
      }
    }
    if (v instanceof Map<?, ?> m) {
      Map<String, Object> props = s.get("properties") instanceof Map<?, ?> ps ? cast(ps) : Map.of();
      if (s.get("required") instanceof List<?> req) {
        for (Object r : req) {
          if (!m.containsKey(String.valueOf(r))) {
            return path + "." + r + " is missing";
          }
        }
      }
      for (Map.Entry<?, ?> e : m.entrySet()) {
        String k = String.valueOf(e.getKey());
        if (props.get(k) instanceof Map<?, ?> ps) {
          String q = check(cast(ps), e.getValue(), path + "." + k);
          if (q != null) {
            return q;
          }
        } else if (Boolean.FALSE.equals(s.get("additionalProperties"))) {
          return path + "." + k + " is not allowed";
        }
      }
    }
    return null;
  }

  private static String lengths(Map<String, Object> s, long n, String lo, String hi, String path) {
    if (s.get(lo) instanceof Number min && n < min.longValue()) {
      return path + " has " + n + ", fewer than " + lo + " " + min;
    }
    if (s.get(hi) instanceof Number max && n > max.longValue()) {
      return path + " has " + n + ", more than " + hi + " " + max;
    }
    return null;
  }

  private static boolean is(String type, Object v) {
    return switch (type) {
      case "object" -> v instanceof Map;
      case "array" -> v instanceof List;
      case "string" -> v instanceof String;
      case "number" -> v instanceof BigDecimal;
      case "integer" -> v instanceof BigDecimal d && d.stripTrailingZeros().scale() <= 0;
      case "boolean" -> v instanceof Boolean;
      case "null" -> v == JsonText.NULL;
      default -> false;
    };
  }

  private static boolean same(Object schemaValue, Object v) {
    if (schemaValue instanceof Number n && v instanceof BigDecimal d) {
      return big(n).compareTo(d) == 0;
    }
    return JsonText.write(schemaValue).equals(JsonText.write(v));
  }

  private static BigDecimal big(Number n) {
    return new BigDecimal(n.toString());
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> cast(Map<?, ?> m) {
    return (Map<String, Object>) m;
  }
}
