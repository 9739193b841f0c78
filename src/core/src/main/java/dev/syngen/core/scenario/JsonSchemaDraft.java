package dev.syngen.core.scenario;

import dev.syngen.core.problem.Problems;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A scenario drafted from a JSON Schema ({@code syngen scenario from-json-schema}): one entity
 * whose columns are the schema's properties with the generators syngen chose for them, written out
 * so a user can read and tune every generator.
 */
public final class JsonSchemaDraft {
  private JsonSchemaDraft() {}

  /** The scenario tree; problems of the schema are reported under {@code schema#/…}. */
  public static Map<String, Object> scenario(
      Object schema, String id, String entity, long rows, Problems problems) {
    List<Map<String, Object>> columns = JsonSchemaMapper.columns(schema, "schema", problems);
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("name", entity);
    e.put("rows", rows);
    e.put("columns", columns);
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("id", id);
    s.put("name", title(schema, entity));
    s.put("description", "Drafted from a JSON Schema by syngen scenario from-json-schema");
    s.put("entities", List.of(e));
    return s;
  }

  private static String title(Object schema, String entity) {
    return schema instanceof Map<?, ?> m && m.get("title") instanceof String t && !t.isBlank()
        ? t
        : entity;
  }
}
