package dev.syngen.core.plan;

import dev.syngen.core.problem.Problem;
import dev.syngen.core.problem.Problems;
import dev.syngen.core.problem.TreeReader;
import dev.syngen.core.scenario.Scenario;
import dev.syngen.core.scenario.ScenarioMapper;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An ad-hoc generation request ({@code POST /generate}, the WebSocket stream): a scenario given
 * inline or by id — or a single inline entity — which entity to emit, how many records, and
 * optionally seed and as_of. Parsed from a JSON tree with every problem reported by field; the
 * fields a run request shares (scenario_id, seed, as_of) are read as a run request reads them.
 */
public record AdHocRequest(
    Map<String, Object> scenario,
    String scenarioId,
    String entity,
    long count,
    Long seed,
    Instant asOf,
    boolean fromSchema) {

  private static final Set<String> FIELDS =
      Set.of(
          "type", "scenario", "scenario_id", "schema", "entity", "count", "seed", "as_of", "llm");

  /** The entity's name when a JSON Schema is given and the request names none. */
  public static final String SCHEMA_ENTITY = "record";

  /** Parses a request tree; returns null (with problems) if it is unusable. */
  public static AdHocRequest parse(Object tree, long maxCount, Problems problems) {
    if (!(tree instanceof Map<?, ?> raw)) {
      problems.add(
          "(body)",
          "must be a JSON object",
          "send {\"scenario_id\": \"iot-demo\", \"entity\": \"telemetry\", \"count\": 100}");
      return null;
    }
    Map<String, Object> m = new LinkedHashMap<>();
    raw.forEach((k, v) -> m.put(String.valueOf(k), v));
    for (String k : m.keySet()) {
      if (!FIELDS.contains(k)) {
        problems.add(
            k,
            "unknown field '" + k + "'",
            "use only: scenario, scenario_id, schema, entity, count, seed, as_of, llm");
      }
    }
    Object llm = m.get("llm");
    if (llm != null && !"offline".equals(llm)) {
      problems.add(
          "llm",
          "online".equals(llm)
              ? "cannot be online: ad-hoc generation reads llm_text from the server's LLM cache"
                  + " only and writes the misses with each column's fallback"
              : "must be \"offline\", got " + llm,
          "leave llm out; to ask a provider, start a run (POST /api/v1/runs with \"llm\":"
              + " \"online\" and max_requests) and generate again: its answers are then cached");
    }
    TreeReader r = new TreeReader(problems);
    Map<String, Object> scenario = map(m.get("scenario"), "scenario", problems);
    String scenarioId = r.id(m.get("scenario_id"), "scenario_id");
    String entityName = null;
    Object entity = m.get("entity");
    if (entity instanceof Map<?, ?> && scenario == null && m.get("scenario_id") == null) {
      scenario = singleEntityScenario(map(entity, "entity", problems));
    } else if (entity instanceof String s) {
      entityName = s;
    } else if (entity != null) {
      problems.add(
          "entity",
          "must be an entity name, or an entity object when no scenario is given",
          "write \"entity\": \"telemetry\"");
    }
    if (m.containsKey("schema")) {
      if (scenario != null || m.get("scenario_id") != null) {
        problems.add(
            "schema",
            "is given together with "
                + (scenario != null ? "scenario or an entity object" : "scenario_id"),
            "give exactly one of scenario (inline), scenario_id, schema, or an inline entity object");
      } else if (!(m.get("schema") instanceof Map<?, ?> schema)) {
        problems.add(
            "schema",
            "must be a JSON Schema object",
            "send \"schema\": {\"type\": \"object\", \"properties\": {…}}");
      } else {
        scenario =
            schemaScenario(schema, entityName == null ? SCHEMA_ENTITY : entityName, problems);
      }
    } else if ((scenario == null) == (m.get("scenario_id") == null)) {
      problems.add(
          "scenario",
          scenario == null ? "is missing" : "and scenario_id are both given",
          "give exactly one of scenario (inline), scenario_id, schema, or an inline entity object");
    }
    Long count = r.whole(m.get("count"), "count");
    if (count == null && m.get("count") == null) {
      problems.add("count", "is missing", "set count to the number of records, e.g. 1000");
    } else if (count != null && (count < 1 || count > maxCount)) {
      problems.add(
          "count",
          "must be between 1 and " + maxCount + ", got " + count,
          "ask for fewer records, or run a stored run for bulk loads");
    }
    Long seed = r.whole(m.get("seed"), "seed");
    Instant asOf = r.instant(m.get("as_of"), "as_of");
    if (!problems.isEmpty()) {
      return null;
    }
    return new AdHocRequest(
        scenario, scenarioId, entityName, count, seed, asOf, m.containsKey("schema"));
  }

  /**
   * Maps the inline scenario (or the one a schema makes); problems of a schema are reported under
   * {@code schema} with their JSON pointer ({@code schema#/properties/sku/pattern}).
   */
  public Scenario inlineScenario(Problems problems) {
    Problems found = new Problems();
    Scenario s = ScenarioMapper.map(scenario, "adhoc", found);
    for (Problem p : found.list()) {
      String path = p.path();
      if (fromSchema && path.startsWith(SCHEMA_PATH)) {
        path = "schema" + path.substring(SCHEMA_PATH.length());
      }
      problems.add(path, p.message(), p.fix());
    }
    return s;
  }

  private static final String SCHEMA_PATH = "entities[0].schema";

  /** Overrides that emit only the chosen entity, {@code count} times; parents keep their sizes. */
  public RunOverrides overrides(String chosenEntity) {
    return new RunOverrides(
        seed, asOf, null, null, Map.of(chosenEntity, count), List.of(chosenEntity), null);
  }

  /** A one-entity scenario whose columns the schema describes (see docs/json-schema.md). */
  private static Map<String, Object> schemaScenario(
      Map<?, ?> schema, String entity, Problems problems) {
    if (!Identifiers.isSafe(entity)) {
      problems.add("entity", "'" + entity + "' is not a safe name", Identifiers.RULE);
      return null;
    }
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("name", entity);
    e.put("rows", 1);
    e.put("schema", schema);
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("id", "adhoc");
    s.put("name", "ad hoc");
    s.put("entities", List.of(e));
    return s;
  }

  private static Map<String, Object> singleEntityScenario(Map<String, Object> entity) {
    if (entity == null) {
      return null;
    }
    Map<String, Object> e = new LinkedHashMap<>(entity);
    e.putIfAbsent("rows", 1);
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("id", "adhoc");
    s.put("name", "ad hoc");
    s.put("entities", List.of(e));
    return s;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object v, String field, Problems problems) {
    if (v == null) {
      return null;
    }
    if (v instanceof Map<?, ?> m) {
      return (Map<String, Object>) m;
    }
    problems.add(field, "must be a JSON object", "see docs/scenario-format.md");
    return null;
  }
}
