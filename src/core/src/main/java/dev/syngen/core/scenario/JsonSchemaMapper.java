package dev.syngen.core.scenario;

import dev.syngen.core.problem.Problems;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a JSON Schema (a 2020-12 subset, see docs/json-schema.md) of an object into scenario
 * columns: each top-level property one column of the natural type, drawn by syngen's own generators
 * (choice, const, uniform_int, uniform_float, bool, regex, faker, uuid4, date_between,
 * timestamp_between), nested objects and arrays one json column ({@code json_object}, {@code
 * json_array}). The result is the scenario's own column format, so the config hash covers
 * everything the schema decided.
 *
 * <p>Local {@code $ref}s ({@code #/$defs/…}, {@code #/definitions/…}) are inlined; {@code allOf}
 * merges; a {@code oneOf}/{@code anyOf} of one schema, of consts, or of a type and {@code null} is
 * read as what it means. Every other keyword that constrains values is refused with its JSON
 * pointer and a fix, never ignored.
 */
final class JsonSchemaMapper {
  /** Schema nodes one schema may expand to, counting each use of a $ref. */
  static final int MAX_NODES = 10_000;

  /** How deeply objects and arrays may nest. */
  static final int MAX_DEPTH = 32;

  /** The largest record (estimated, in bytes) a schema may describe. */
  static final long MAX_RECORD_BYTES = 1_000_000;

  private static final Set<String> ANNOTATIONS =
      Set.of(
          "$schema",
          "$id",
          "$comment",
          "$defs",
          "definitions",
          "title",
          "description",
          "examples",
          "example",
          "default",
          "deprecated",
          "readOnly",
          "writeOnly",
          "contentMediaType",
          "contentEncoding",
          "externalDocs",
          "xml");
  private static final Set<String> COMMON = Set.of("type", "enum", "const", "nullable", "$ref");
  private static final Set<String> OBJECT =
      Set.of("properties", "required", "additionalProperties", "unevaluatedProperties");
  private static final Set<String> ARRAY = Set.of("items", "minItems", "maxItems", "uniqueItems");
  private static final Set<String> STRING = Set.of("minLength", "maxLength", "pattern", "format");
  private static final Set<String> NUMBER =
      Set.of("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "format");

  private static final Map<String, String> FIXES =
      Map.ofEntries(
          Map.entry("oneOf", "keep one alternative, or list the values as an enum"),
          Map.entry("anyOf", "keep one alternative, or list the values as an enum"),
          Map.entry("not", "remove it and narrow the schema with enum, pattern or bounds"),
          Map.entry("if", "remove if/then/else and describe one shape"),
          Map.entry("then", "remove if/then/else and describe one shape"),
          Map.entry("else", "remove if/then/else and describe one shape"),
          Map.entry("patternProperties", "name the properties under properties"),
          Map.entry("propertyNames", "name the properties under properties"),
          Map.entry("dependentRequired", "list the properties under required"),
          Map.entry("dependentSchemas", "merge the dependent schema into properties"),
          Map.entry("prefixItems", "describe every item with one items schema"),
          Map.entry("contains", "describe every item with items"),
          Map.entry("multipleOf", "remove it, or use an enum of the allowed values"),
          Map.entry("minProperties", "list the properties that must appear under required"),
          Map.entry("maxProperties", "remove it: generated objects hold only declared properties"),
          Map.entry("$dynamicRef", "use a local $ref to #/$defs/…"),
          Map.entry("$anchor", "use a local $ref to #/$defs/…"));

  private final Problems problems;
  private final String at;
  private final Map<String, Object> root;
  private final Deque<String> refs = new ArrayDeque<>(); // $refs of the enclosing values
  private final Deque<String> chain = new ArrayDeque<>(); // $refs being followed to a schema
  private int nodes;

  /** What one schema node becomes: a column type, a generator spec, nullability, largest size. */
  record Mapped(String type, Map<String, Object> generator, boolean nullable, long maxBytes) {}

  private final Set<String> refContainers = new LinkedHashSet<>();

  private JsonSchemaMapper(Problems problems, String at, Map<String, Object> root) {
    this.problems = problems;
    this.at = at;
    this.root = root;
    collectRefContainers(root, 0);
  }

  /**
   * The top-level keys local $refs point into ({@code components} of an OpenAPI document): they
   * hold schemas, not constraints.
   */
  private void collectRefContainers(Object node, int depth) {
    if (depth > 64) {
      return;
    }
    if (node instanceof Map<?, ?> m) {
      if (m.get("$ref") instanceof String ref && ref.startsWith("#/")) {
        refContainers.add(ref.substring(2).split("/", 2)[0].replace("~1", "/").replace("~0", "~"));
      }
      m.values().forEach(v -> collectRefContainers(v, depth + 1));
    } else if (node instanceof List<?> l) {
      l.forEach(v -> collectRefContainers(v, depth + 1));
    }
  }

  /**
   * The columns (scenario column trees) for an object schema; problems are reported at {@code path}
   * followed by the JSON pointer of the schema node ({@code entities[0].schema#/properties/a}).
   */
  static List<Map<String, Object>> columns(Object schema, String path, Problems problems) {
    if (!(schema instanceof Map<?, ?> m)) {
      problems.add(
          path, "must be a JSON Schema object", "write {\"type\": \"object\", \"properties\": …}");
      return List.of();
    }
    Map<String, Object> root = stringKeys(m);
    return new JsonSchemaMapper(problems, path, root).rootColumns();
  }

  private List<Map<String, Object>> rootColumns() {
    Map<String, Object> node = resolve(root, "", 0);
    if (node == null) {
      return List.of();
    }
    Object type = node.get("type");
    if (!(("object".equals(type)) || (type == null && node.containsKey("properties")))) {
      problem(
          "",
          "the schema of a record must be an object with properties, got type " + type,
          "wrap the value in an object: {\"type\": \"object\", \"properties\": {\"value\": …}}");
      return List.of();
    }
    checkKeywords(node, "", OBJECT);
    Map<String, Object> props = properties(node, "");
    List<Map<String, Object>> columns = new ArrayList<>();
    long bytes = 2;
    for (Map.Entry<String, Object> e : props.entrySet()) {
      String pointer = "/properties/" + escape(e.getKey());
      if (!e.getKey().matches("[A-Za-z_][A-Za-z0-9_]{0,62}")) {
        problem(
            pointer,
            "property '" + e.getKey() + "' cannot be a column name",
            "rename it to letters, digits and underscores (max 63), or nest it in an object"
                + " property, whose keys may be any text");
        continue;
      }
      Mapped v = value(e.getValue(), pointer, 1, e.getKey());
      if (v == null) {
        continue;
      }
      bytes += e.getKey().length() + 4 + v.maxBytes();
      Map<String, Object> col = new LinkedHashMap<>();
      col.put("name", e.getKey());
      col.put("type", v.type());
      if (v.nullable()) {
        col.put("null_rate", 0.1);
      }
      col.put("generator", v.generator());
      columns.add(col);
    }
    if (props.isEmpty()) {
      problem("/properties", "declares no properties", "declare at least one property");
    }
    checkSize(bytes);
    return columns;
  }

  private void checkSize(long bytes) {
    if (bytes > MAX_RECORD_BYTES) {
      problem(
          "",
          "describes records of up to about " + bytes + " bytes, more than " + MAX_RECORD_BYTES,
          "lower maxItems and maxLength");
    }
  }

  /** Maps the schema of one value; null (with a problem) when it cannot. */
  private Mapped value(Object schema, String pointer, int depth, String propertyName) {
    if (depth > MAX_DEPTH) {
      problem(pointer, "nests deeper than " + MAX_DEPTH + " levels", "flatten the schema");
      return null;
    }
    String ref = schema instanceof Map<?, ?> m && m.get("$ref") instanceof String s ? s : null;
    if (ref != null && refs.contains(ref)) {
      problem(
          pointer + "/$ref",
          "'" + ref + "' refers to a schema that contains it (a recursive schema)",
          "unroll the recursion to a fixed depth in $defs");
      return null;
    }
    if (ref != null) {
      refs.push(ref);
    }
    try {
      return mapped(schema, pointer, depth, propertyName);
    } finally {
      if (ref != null) {
        refs.pop();
      }
    }
  }

  private Mapped mapped(Object schema, String pointer, int depth, String propertyName) {
    Map<String, Object> node = resolve(schema, pointer, depth);
    if (node == null) {
      return null;
    }
    boolean nullable = Boolean.TRUE.equals(node.get("nullable"));
    if (node.containsKey("enum") || node.containsKey("const")) {
      checkKeywords(node, pointer, union(STRING, NUMBER));
      return JsonSchemaValues.enumeration(node, pointer, this::problem, nullable);
    }
    if (!node.containsKey("type")
        && !node.containsKey("properties")
        && !node.containsKey("items")) {
      int before = problems.list().size();
      checkKeywords(node, pointer, Set.of()); // an unsupported keyword says more than "no type"
      if (problems.list().size() > before) {
        return null;
      }
    }
    String type = type(node, pointer);
    if (type == null) {
      return null;
    }
    if (type.endsWith("?")) {
      nullable = true;
      type = type.substring(0, type.length() - 1);
    }
    Mapped m =
        switch (type) {
          case "object" -> object(node, pointer, depth);
          case "array" -> array(node, pointer, depth);
          case "string" -> {
            checkKeywords(node, pointer, STRING);
            yield JsonSchemaValues.string(node, pointer, this::problem, propertyName);
          }
          case "integer", "number" -> {
            checkKeywords(node, pointer, NUMBER);
            yield JsonSchemaValues.number(node, pointer, this::problem, type.equals("integer"));
          }
          case "boolean" -> {
            checkKeywords(node, pointer, Set.of());
            yield new Mapped("bool", generator("bool", Map.of()), false, 5);
          }
          case "null" -> {
            checkKeywords(node, pointer, Set.of());
            yield new Mapped("json", generator("const", Map.of("value", "null")), false, 4);
          }
          default -> {
            problem(
                pointer + "/type",
                "unknown type '" + type + "'",
                "use object, array, string, integer, number, boolean or null");
            yield null;
          }
        };
    return m == null ? null : new Mapped(m.type(), m.generator(), nullable, m.maxBytes());
  }

  private Mapped object(Map<String, Object> node, String pointer, int depth) {
    checkKeywords(node, pointer, OBJECT);
    Set<String> required = required(node, pointer);
    List<Object> props = new ArrayList<>();
    long bytes = 2;
    for (Map.Entry<String, Object> e : properties(node, pointer).entrySet()) {
      String p = pointer + "/properties/" + escape(e.getKey());
      Mapped v = value(e.getValue(), p, depth + 1, e.getKey());
      if (v == null) {
        continue;
      }
      Map<String, Object> prop = new LinkedHashMap<>();
      prop.put("name", e.getKey());
      prop.put("type", v.type());
      prop.put("generator", v.generator());
      if (v.nullable()) {
        prop.put("null_rate", 0.1);
      }
      if (!required.contains(e.getKey())) {
        prop.put("absent_rate", 0.2);
      }
      props.add(prop);
      bytes += e.getKey().length() + 4 + v.maxBytes();
    }
    return new Mapped("json", generator("json_object", Map.of("properties", props)), false, bytes);
  }

  private Mapped array(Map<String, Object> node, String pointer, int depth) {
    checkKeywords(node, pointer, ARRAY);
    Object items = node.get("items");
    if (items == null || items instanceof Boolean) {
      problem(
          pointer + "/items",
          items == null ? "is missing: an array needs a schema for its items" : "must be a schema",
          "add items: {\"type\": \"string\"}");
      return null;
    }
    long min = whole(node, "minItems", pointer, 0);
    long max = whole(node, "maxItems", pointer, Math.max(min, 1) + 3);
    if (min < 0 || max < min || max > 1000) {
      problem(
          pointer + "/maxItems",
          "items must satisfy 0 <= minItems <= maxItems <= 1000, got " + min + ".." + max,
          "narrow minItems and maxItems");
      return null;
    }
    Object unique = node.get("uniqueItems");
    Mapped item = value(items, pointer + "/items", depth + 1, null);
    if (item == null) {
      return null;
    }
    Map<String, Object> itemSpec = new LinkedHashMap<>();
    itemSpec.put("type", item.type());
    itemSpec.put("generator", item.generator());
    if (item.nullable()) {
      itemSpec.put("null_rate", 0.1);
    }
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("items", itemSpec);
    params.put("min_items", min);
    params.put("max_items", max);
    if (Boolean.TRUE.equals(unique)) {
      params.put("unique_items", true);
    }
    long bytes = 2 + max * (item.maxBytes() + 1);
    return new Mapped("json", generator("json_array", params), false, bytes);
  }

  /**
   * The node with $ref, allOf and trivial oneOf/anyOf resolved into one map of keywords; null (with
   * a problem) when it cannot be.
   */
  private Map<String, Object> resolve(Object schema, String pointer, int depth) {
    if (++nodes > MAX_NODES) {
      if (nodes == MAX_NODES + 1) {
        problem(pointer, "expands to more than " + MAX_NODES + " schema nodes", "simplify it");
      }
      return null;
    }
    if (!(schema instanceof Map<?, ?> raw)) {
      problem(
          pointer,
          schema instanceof Boolean
              ? "a boolean schema does not say what to generate"
              : "must be a schema object",
          "write a schema such as {\"type\": \"string\"}");
      return null;
    }
    Map<String, Object> node = stringKeys(raw);
    if (node.containsKey("$ref")) {
      Map<String, Object> target = reference(node.get("$ref"), pointer);
      if (target == null) {
        return null;
      }
      String ref = String.valueOf(node.get("$ref"));
      chain.push(ref);
      Map<String, Object> resolved = resolve(target, pointer, depth);
      chain.pop();
      Map<String, Object> rest = new LinkedHashMap<>(node);
      rest.remove("$ref");
      return resolved == null ? null : merge(List.of(resolved, rest), pointer);
    }
    if (node.containsKey("allOf")) {
      List<Map<String, Object>> parts = parts(node, "allOf", pointer, depth);
      if (parts == null) {
        return null;
      }
      Map<String, Object> rest = new LinkedHashMap<>(node);
      rest.remove("allOf");
      parts.add(rest);
      return merge(parts, pointer);
    }
    for (String k : List.of("oneOf", "anyOf")) {
      if (node.containsKey(k)) {
        List<Map<String, Object>> parts = parts(node, k, pointer, depth);
        if (parts == null) {
          return null;
        }
        Map<String, Object> rest = new LinkedHashMap<>(node);
        rest.remove(k);
        Map<String, Object> chosen = alternatives(parts, pointer + "/" + k, k);
        return chosen == null ? null : merge(List.of(chosen, rest), pointer);
      }
    }
    return node;
  }

  private List<Map<String, Object>> parts(
      Map<String, Object> node, String keyword, String pointer, int depth) {
    if (!(node.get(keyword) instanceof List<?> list) || list.isEmpty()) {
      problem(pointer + "/" + keyword, "must be a non-empty list of schemas", "list schemas");
      return null;
    }
    List<Map<String, Object>> out = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      Map<String, Object> part = resolve(list.get(i), pointer + "/" + keyword + "/" + i, depth);
      if (part == null) {
        return null;
      }
      out.add(part);
    }
    return out;
  }

  /** One alternative, consts (as an enum), or a type or null (as a nullable type). */
  private Map<String, Object> alternatives(
      List<Map<String, Object>> parts, String pointer, String keyword) {
    if (parts.size() == 1) {
      return parts.get(0);
    }
    if (parts.stream().allMatch(p -> p.containsKey("const") && onlyAnnotations(p, "const"))) {
      List<Object> values = new ArrayList<>();
      parts.forEach(p -> values.add(p.get("const")));
      if (new LinkedHashSet<>(values).size() == values.size()) {
        return new LinkedHashMap<>(Map.of("enum", values));
      }
    }
    List<Map<String, Object>> nonNull =
        parts.stream()
            .filter(p -> !("null".equals(p.get("type")) && onlyAnnotations(p, "type")))
            .toList();
    if (parts.size() == 2 && nonNull.size() == 1) {
      Map<String, Object> out = new LinkedHashMap<>(nonNull.get(0));
      out.put("nullable", true);
      return out;
    }
    problem(
        pointer,
        keyword + " with " + parts.size() + " alternatives is not supported",
        FIXES.get(keyword));
    return null;
  }

  private static boolean onlyAnnotations(Map<String, Object> node, String keyword) {
    return node.keySet().stream()
        .allMatch(k -> k.equals(keyword) || ANNOTATIONS.contains(k) || k.startsWith("x-"));
  }

  /** Keywords of several schemas that must all hold, merged; conflicting values are refused. */
  private Map<String, Object> merge(List<Map<String, Object>> parts, String pointer) {
    Map<String, Object> out = new LinkedHashMap<>();
    Map<String, Object> properties = new LinkedHashMap<>();
    Set<Object> required = new LinkedHashSet<>();
    for (Map<String, Object> part : parts) {
      for (Map.Entry<String, Object> e : part.entrySet()) {
        String k = e.getKey();
        if (ANNOTATIONS.contains(k) || k.startsWith("x-")) {
          continue;
        }
        if (k.equals("properties") && e.getValue() instanceof Map<?, ?> m) {
          for (Map.Entry<String, Object> p : stringKeys(m).entrySet()) {
            if (properties.containsKey(p.getKey())
                && !properties.get(p.getKey()).equals(p.getValue())) {
              problem(
                  pointer + "/properties/" + escape(p.getKey()),
                  "is described differently by two merged schemas",
                  "describe the property in one of them only");
              return null;
            }
            properties.put(p.getKey(), p.getValue());
          }
        } else if (k.equals("required") && e.getValue() instanceof List<?> l) {
          required.addAll(l);
        } else if (out.containsKey(k) && !out.get(k).equals(e.getValue())) {
          problem(
              pointer + "/" + escape(k),
              "has different values in schemas that are merged ($ref, allOf)",
              "keep '" + k + "' in one of them only");
          return null;
        } else {
          out.put(k, e.getValue());
        }
      }
    }
    if (!properties.isEmpty()) {
      out.put("properties", properties);
    }
    if (!required.isEmpty()) {
      out.put("required", new ArrayList<>(required));
    }
    return out;
  }

  private Map<String, Object> reference(Object ref, String pointer) {
    if (!(ref instanceof String s) || !(s.equals("#") || s.startsWith("#/"))) {
      problem(
          pointer + "/$ref",
          "'" + ref + "' is not a local reference",
          "copy the referenced schema into $defs and refer to it as #/$defs/name");
      return null;
    }
    if (chain.contains(s)) {
      problem(
          pointer + "/$ref",
          "'" + s + "' refers to itself through $refs only",
          "unroll the recursion to a fixed depth in $defs");
      return null;
    }
    Object node = root;
    for (String segment :
        s.length() <= 2 ? List.<String>of() : List.of(s.substring(2).split("/"))) {
      String key = segment.replace("~1", "/").replace("~0", "~");
      if (node instanceof Map<?, ?> m && m.containsKey(key)) {
        node = m.get(key);
      } else if (node instanceof List<?> l
          && key.matches("\\d{1,9}")
          && Integer.parseInt(key) < l.size()) {
        node = l.get(Integer.parseInt(key));
      } else {
        problem(pointer + "/$ref", "'" + s + "' points at nothing in this schema", "fix the path");
        return null;
      }
    }
    if (!(node instanceof Map<?, ?> m)) {
      problem(pointer + "/$ref", "'" + s + "' does not point at a schema object", "fix the path");
      return null;
    }
    return stringKeys(m);
  }

  private String type(Map<String, Object> node, String pointer) {
    Object t = node.get("type");
    if (t == null) {
      if (node.containsKey("properties")) {
        return "object";
      }
      if (node.containsKey("items")) {
        return "array";
      }
      problem(
          pointer,
          "has no type",
          "add \"type\" (object, array, string, integer, number or boolean), an enum or a const");
      return null;
    }
    if (t instanceof String s) {
      return s;
    }
    if (t instanceof List<?> l) {
      List<?> rest = l.stream().filter(x -> !"null".equals(x)).toList();
      if (rest.size() == 1 && rest.get(0) instanceof String s && l.size() == 2) {
        return s + "?";
      }
      if (rest.isEmpty() && l.size() == 1) {
        return "null";
      }
    }
    problem(
        pointer + "/type",
        "type " + t + " is not supported: a value needs one type (and optionally null)",
        "keep one type, e.g. [\"string\", \"null\"]");
    return null;
  }

  private void checkKeywords(Map<String, Object> node, String pointer, Set<String> allowed) {
    for (String k : node.keySet()) {
      if (ANNOTATIONS.contains(k)
          || COMMON.contains(k)
          || allowed.contains(k)
          || k.startsWith("x-")) {
        continue;
      }
      if (OBJECT.contains(k) || ARRAY.contains(k) || STRING.contains(k) || NUMBER.contains(k)) {
        continue; // a keyword of another type has no effect on this one
      }
      if (pointer.isEmpty() && refContainers.contains(k) && !FIXES.containsKey(k)) {
        continue; // schemas that $refs point into, such as an OpenAPI document's components
      }
      problem(
          pointer + "/" + escape(k),
          "keyword '" + k + "' is not supported",
          FIXES.getOrDefault(k, "remove it; docs/json-schema.md lists the supported keywords"));
    }
  }

  private Map<String, Object> properties(Map<String, Object> node, String pointer) {
    Object p = node.get("properties");
    if (p == null) {
      return Map.of();
    }
    if (!(p instanceof Map<?, ?> m)) {
      problem(pointer + "/properties", "must be an object of schemas", "write {\"name\": {…}}");
      return Map.of();
    }
    return stringKeys(m);
  }

  private Set<String> required(Map<String, Object> node, String pointer) {
    Object r = node.get("required");
    Set<String> out = new LinkedHashSet<>();
    if (r == null) {
      return out;
    }
    if (!(r instanceof List<?> l) || !l.stream().allMatch(x -> x instanceof String)) {
      problem(pointer + "/required", "must be a list of property names", "write [\"id\"]");
      return out;
    }
    l.forEach(x -> out.add((String) x));
    Map<String, Object> props = properties(node, pointer);
    for (String name : out) {
      if (!props.containsKey(name)) {
        problem(
            pointer + "/required",
            "requires '" + name + "', which properties does not describe",
            "describe '" + name + "' under properties");
      }
    }
    return out;
  }

  private long whole(Map<String, Object> node, String key, String pointer, long dflt) {
    Object v = node.get(key);
    if (v == null) {
      return dflt;
    }
    if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
      return n.longValue();
    }
    problem(pointer + "/" + key, "must be a whole number, got '" + v + "'", "write e.g. 3");
    return dflt;
  }

  void problem(String pointer, String message, String fix) {
    problems.add(at + "#" + pointer, message, fix);
  }

  static Map<String, Object> generator(String type, Map<String, Object> params) {
    Map<String, Object> g = new LinkedHashMap<>();
    g.put("type", type);
    if (!params.isEmpty()) {
      g.put("params", params);
    }
    return g;
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> out = new LinkedHashSet<>(a);
    out.addAll(b);
    return out;
  }

  static String escape(String key) {
    return key.replace("~", "~0").replace("/", "~1");
  }

  static Map<String, Object> stringKeys(Map<?, ?> m) {
    Map<String, Object> out = new LinkedHashMap<>();
    m.forEach((k, v) -> out.put(String.valueOf(k), v));
    return out;
  }
}
