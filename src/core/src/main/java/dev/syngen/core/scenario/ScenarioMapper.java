package dev.syngen.core.scenario;

import dev.syngen.core.problem.Problems;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Maps a parsed document tree (maps, lists, scalars from YAML or JSON) to a {@link Scenario}.
 *
 * <p>Mapping is lenient: every shape problem is recorded with its path and mapping goes on, so a
 * user sees all problems of a document at once. Semantic checks live in the plan compiler.
 */
public final class ScenarioMapper {
  private static final Set<String> SCENARIO_KEYS =
      Set.of(
          "id",
          "name",
          "version",
          "description",
          "seed",
          "as_of",
          "entities",
          "bands",
          "expectations");
  private static final Set<String> ENTITY_KEYS =
      Set.of(
          "name",
          "target_table",
          "rows",
          "rows_per_parent",
          "columns",
          "lifecycle",
          "schema",
          "schema_file");
  private static final Set<String> COLUMN_KEYS =
      Set.of("name", "type", "nullable", "null_rate", "unique", "generator", "expression", "faker");
  private static final Set<String> GENERATOR_KEYS = Set.of("type", "params");

  private final Problems problems;
  private final ExtensionsMapper extensions;
  private final LifecycleMapper lifecycles;
  private final SchemaFiles schemaFiles;

  private ScenarioMapper(Problems problems, SchemaFiles schemaFiles) {
    this.problems = problems;
    this.schemaFiles = schemaFiles;
    this.extensions = new ExtensionsMapper(problems);
    this.lifecycles = new LifecycleMapper(problems);
  }

  /** Maps {@code tree}; {@code fallbackId} is used when the document has no {@code id}. */
  public static Scenario map(Object tree, String fallbackId, Problems problems) {
    return map(tree, fallbackId, problems, SchemaFiles.NONE);
  }

  /**
   * Maps {@code tree}, reading the JSON Schemas entities name by schema_file through {@code files}.
   */
  public static Scenario map(Object tree, String fallbackId, Problems problems, SchemaFiles files) {
    return new ScenarioMapper(problems, files).scenario(tree, fallbackId);
  }

  private Scenario scenario(Object tree, String fallbackId) {
    Map<String, Object> root = asMap(tree, "");
    if (root == null) {
      return new Scenario(fallbackId, null, null, null, null, null, List.of());
    }
    checkKeys(root, SCENARIO_KEYS, "");
    String id = string(root, "id", "", false);
    String name = string(root, "name", "", true);
    Object version = root.get("version");
    Long seed = root.containsKey("seed") ? longValue(root.get("seed"), "seed") : null;
    Instant asOf = instant(root.get("as_of"), "as_of");
    List<Entity> entities = new ArrayList<>();
    Object list = root.get("entities");
    if (!(list instanceof List<?> items) || items.isEmpty()) {
      problems.add(
          "entities",
          list == null ? "is missing" : "must be a non-empty list",
          "declare at least one entity with name, target_table, rows and columns");
    } else {
      for (int i = 0; i < items.size(); i++) {
        Entity e = entity(items.get(i), "entities[" + i + "]");
        if (e != null) {
          entities.add(e);
        }
      }
      addDerived(entities);
    }
    List<ScaleBand> bands =
        root.get("bands") == null ? List.of() : extensions.bands(root.get("bands"), "bands");
    Expectations expectations =
        root.get("expectations") == null
            ? Expectations.NONE
            : extensions.expectations(root.get("expectations"), "expectations");
    return new Scenario(
        id == null || id.isBlank() ? fallbackId : id,
        name,
        version == null ? null : String.valueOf(version),
        string(root, "description", "", false),
        seed,
        asOf,
        entities,
        bands,
        expectations);
  }

  private Entity entity(Object node, String path) {
    Map<String, Object> m = asMap(node, path);
    if (m == null) {
      return null;
    }
    checkKeys(m, ENTITY_KEYS, path);
    String name = string(m, "name", path, true);
    String table = m.containsKey("target_table") ? string(m, "target_table", path, true) : name;
    long rows = 0;
    RowsPerParent perParent = null;
    if (m.containsKey("rows_per_parent")) {
      perParent = extensions.rowsPerParent(m.get("rows_per_parent"), path + ".rows_per_parent");
      if (m.containsKey("rows")) {
        problems.add(
            path + ".rows",
            "is set together with rows_per_parent",
            "remove rows: the count follows the parent when rows_per_parent is given");
      }
    } else if (!m.containsKey("rows")) {
      problems.add(
          path + ".rows",
          "is missing",
          "set rows to a positive whole number (or rows_per_parent for a count per parent row)");
    } else {
      Long r = longValue(m.get("rows"), path + ".rows");
      rows = r == null ? 0 : r;
    }
    List<Column> columns = schemaColumns(m, path);
    Object list = m.get("columns");
    boolean fromSchema = m.containsKey("schema") || m.containsKey("schema_file");
    if (list == null && fromSchema) {
      // the schema's columns only
    } else if (!(list instanceof List<?> items) || items.isEmpty()) {
      problems.add(
          path + ".columns",
          list == null ? "is missing" : "must be a non-empty list",
          "declare at least one column with name, type and generator");
    } else {
      for (int i = 0; i < items.size(); i++) {
        Column c = column(items.get(i), path + ".columns[" + i + "]");
        if (c != null) {
          columns.add(c);
        }
      }
    }
    Lifecycle lifecycle =
        m.get("lifecycle") == null
            ? null
            : lifecycles.map(m.get("lifecycle"), path + ".lifecycle", columns);
    return new Entity(name, table, rows, columns, perParent, lifecycle);
  }

  /**
   * The columns a JSON Schema ({@code schema: {…}} or {@code schema_file: name.json}) describes, in
   * the order of its properties; columns the entity declares follow them.
   */
  private List<Column> schemaColumns(Map<String, Object> m, String path) {
    List<Column> out = new ArrayList<>();
    if (m.containsKey("schema") && m.containsKey("schema_file")) {
      problems.add(
          path + ".schema_file",
          "is set together with schema",
          "keep one: schema holds the JSON Schema, schema_file names a file holding it");
      return out;
    }
    Object schema;
    String at;
    if (m.containsKey("schema")) {
      schema = m.get("schema");
      at = path + ".schema";
    } else if (m.containsKey("schema_file")) {
      at = path + ".schema_file";
      Object file = m.get("schema_file");
      if (!(file instanceof String f) || f.isBlank()) {
        problems.add(at, "must be a file name", "write e.g. schema_file: order.schema.json");
        return out;
      }
      schema = schemaFiles.read(f, at, problems);
      if (schema == null) {
        return out;
      }
    } else {
      return out;
    }
    List<Map<String, Object>> trees = JsonSchemaMapper.columns(schema, at, problems);
    for (Map<String, Object> tree : trees) {
      Column c =
          column(tree, at + "#/properties/" + JsonSchemaMapper.escape((String) tree.get("name")));
      if (c != null) {
        out.add(c);
      }
    }
    return out;
  }

  /** Appends the entities lifecycles derive (events, cdc, history) after the declared ones. */
  private void addDerived(List<Entity> entities) {
    List<Entity> declared = List.copyOf(entities);
    for (int i = 0; i < declared.size(); i++) {
      Entity e = declared.get(i);
      if (e.lifecycle() == null || e.name() == null) {
        continue;
      }
      for (Entity d : LifecycleEntities.derive(e)) {
        if (declared.stream().anyMatch(x -> d.name().equals(x.name()))) {
          problems.add(
              "entities[" + i + "].lifecycle.outputs",
              "derives entity '" + d.name() + "', but the scenario declares one with that name",
              "rename the declared entity '" + d.name() + "' or drop that output");
        } else {
          entities.add(d);
        }
      }
    }
  }

  private Column column(Object node, String path) {
    Map<String, Object> m = asMap(node, path);
    if (m == null) {
      return null;
    }
    checkKeys(m, COLUMN_KEYS, path);
    String name = string(m, "name", path, true);
    String typeName = string(m, "type", path, true);
    ColumnType type = null;
    if (typeName != null) {
      type = ColumnType.parse(typeName).orElse(null);
      if (type == null) {
        problems.add(
            path + ".type",
            "unknown column type '" + typeName + "'",
            "use one of: " + ColumnType.allNames());
      }
    }
    boolean nullable = bool(m.get("nullable"), path + ".nullable", false);
    boolean unique = bool(m.get("unique"), path + ".unique", false);
    double nullRate = 0.0;
    if (m.containsKey("null_rate")) {
      Double d = doubleValue(m.get("null_rate"), path + ".null_rate");
      if (d != null && (d < 0 || d > 1 || d.isNaN())) {
        problems.add(path + ".null_rate", "must be between 0 and 1, got " + d, "use e.g. 0.05");
      } else if (d != null) {
        nullRate = d;
        if (d > 0 && !m.containsKey("nullable")) {
          nullable = true; // a positive null_rate states the intent; nullable: false contradicts it
        } else if (d > 0 && !nullable) {
          problems.add(
              path + ".null_rate",
              "is " + d + " but the column is nullable: false",
              "set nullable: true or remove null_rate");
        }
      }
    }
    GeneratorSpec gen;
    if (m.containsKey("expression")) {
      gen = expression(m, path);
    } else if (m.containsKey("faker")) {
      gen = faker(m, path);
    } else {
      gen = generator(m.get("generator"), path + ".generator");
    }
    if (name == null || type == null || gen == null) {
      return null;
    }
    return new Column(name, type, nullable, nullRate, unique, gen);
  }

  /** {@code expression: "a * b"} is shorthand for {@code generator: {type: expression, …}}. */
  private GeneratorSpec expression(Map<String, Object> m, String path) {
    if (m.containsKey("generator")) {
      problems.add(
          path + ".expression",
          "is set together with generator",
          "keep one: expression derives the value, generator draws it");
      return null;
    }
    Object e = m.get("expression");
    if (!(e instanceof String s) || s.isBlank()) {
      problems.add(path + ".expression", "must be a non-empty text", "write e.g. quantity * price");
      return null;
    }
    return new GeneratorSpec("expression", Map.of("expr", s));
  }

  /**
   * {@code faker: commerce.product_name}, {@code faker: "#{Name.firstName}"} or {@code faker:
   * {provider|expression: …, locale: de}} is shorthand for {@code generator: {type: faker, …}}.
   */
  private GeneratorSpec faker(Map<String, Object> m, String path) {
    if (m.containsKey("generator")) {
      problems.add(
          path + ".faker",
          "is set together with generator",
          "keep one: faker is shorthand for generator: {type: faker, params: {...}}");
      return null;
    }
    Object f = m.get("faker");
    if (f instanceof String s && !s.isBlank()) {
      return new GeneratorSpec("faker", Map.of(s.contains("#{") ? "expression" : "provider", s));
    }
    if (f instanceof Map<?, ?>) {
      Map<String, Object> params = asMap(f, path + ".faker");
      return params == null ? null : new GeneratorSpec("faker", params);
    }
    problems.add(
        path + ".faker",
        "must be a provider name, an expression or a mapping",
        "write e.g. faker: commerce.product_name or faker: {provider: name.first_name, locale: de}");
    return null;
  }

  private GeneratorSpec generator(Object node, String path) {
    if (node == null) {
      problems.add(path, "is missing", "add generator: {type: ..., params: {...}}");
      return null;
    }
    if (node instanceof String s) { // shorthand: generator: uuid4
      return new GeneratorSpec(s, Map.of());
    }
    Map<String, Object> m = asMap(node, path);
    if (m == null) {
      return null;
    }
    checkKeys(m, GENERATOR_KEYS, path);
    String type = string(m, "type", path, true);
    Object params = m.get("params");
    Map<String, Object> p = Map.of();
    if (params != null) {
      Map<String, Object> pm = asMap(params, path + ".params");
      if (pm == null) {
        return null;
      }
      p = pm;
    }
    return type == null ? null : new GeneratorSpec(type, p);
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> asMap(Object node, String path) {
    if (node instanceof Map<?, ?> m) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : m.entrySet()) {
        out.put(String.valueOf(e.getKey()), e.getValue());
      }
      return out;
    }
    problems.add(
        path.isEmpty() ? "(document)" : path,
        node == null ? "is empty" : "must be a mapping (key: value pairs)",
        "see docs/scenario-format.md for the expected structure");
    return null;
  }

  private void checkKeys(Map<String, Object> m, Set<String> known, String path) {
    for (String k : m.keySet()) {
      if (!known.contains(k)) {
        problems.add(
            join(path, k),
            "unknown field '" + k + "'",
            "remove it or use one of: " + String.join(", ", known.stream().sorted().toList()));
      }
    }
  }

  private String string(Map<String, Object> m, String key, String path, boolean required) {
    Object v = m.get(key);
    if (v == null) {
      if (required) {
        problems.add(join(path, key), "is missing", "set " + key + " to a non-empty value");
      }
      return null;
    }
    if (v instanceof Map || v instanceof List) {
      problems.add(join(path, key), "must be a plain value", "write it as a single string");
      return null;
    }
    String s = String.valueOf(v);
    if (required && s.isBlank()) {
      problems.add(join(path, key), "is empty", "set " + key + " to a non-empty value");
      return null;
    }
    return s;
  }

  private Long longValue(Object v, String path) {
    if (v instanceof Number n && (n instanceof Long || n instanceof Integer || isWhole(n))) {
      return n.longValue();
    }
    if (v instanceof String s) {
      try {
        return Long.parseLong(s.trim().replace("_", ""));
      } catch (NumberFormatException e) {
        // fall through to the problem below
      }
    }
    problems.add(path, "must be a whole number, got '" + v + "'", "write e.g. 1000");
    return null;
  }

  private static boolean isWhole(Number n) {
    if (n instanceof java.math.BigInteger b) {
      return b.bitLength() < 64;
    }
    double d = n.doubleValue();
    return d == Math.rint(d) && Math.abs(d) < 9.0e18;
  }

  private Double doubleValue(Object v, String path) {
    if (v instanceof Number n) {
      return n.doubleValue();
    }
    if (v instanceof String s) {
      try {
        return Double.parseDouble(s.trim());
      } catch (NumberFormatException e) {
        // fall through
      }
    }
    problems.add(path, "must be a number, got '" + v + "'", "write e.g. 0.05");
    return null;
  }

  private boolean bool(Object v, String path, boolean dflt) {
    if (v == null) {
      return dflt;
    }
    if (v instanceof Boolean b) {
      return b;
    }
    problems.add(path, "must be true or false, got '" + v + "'", "write true or false");
    return dflt;
  }

  private Instant instant(Object v, String path) {
    if (v == null) {
      return null;
    }
    if (v instanceof java.util.Date d) {
      return d.toInstant();
    }
    try {
      return Instants.parse(String.valueOf(v));
    } catch (DateTimeParseException e) {
      problems.add(
          path, "is not an ISO-8601 instant: '" + v + "'", "write e.g. 2026-01-01T00:00:00Z");
      return null;
    }
  }

  private static String join(String path, String key) {
    return path.isEmpty() ? key : path + "." + key;
  }
}
