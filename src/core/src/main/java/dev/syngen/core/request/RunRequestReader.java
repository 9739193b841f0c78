package dev.syngen.core.request;

import dev.syngen.core.llm.LlmBudget;
import dev.syngen.core.llm.LlmService;
import dev.syngen.core.plan.RunOverrides;
import dev.syngen.core.problem.Problems;
import dev.syngen.core.problem.TreeReader;
import dev.syngen.core.sink.TableMode;
import dev.syngen.core.traffic.TrafficRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a run request from its tree — a JSON body, the console's form, the command line's options —
 * into a {@link RunInput}. Every field is checked here, with its path, what is wrong and the fix;
 * fields with problems are left out and reading goes on, so one answer lists everything.
 */
public final class RunRequestReader {
  /** The request's top-level fields. */
  public static final Set<String> FIELDS =
      new TreeSet<>(
          List.of(
              "scenario_id",
              "scenario",
              "target_id",
              "target",
              "seed",
              "as_of",
              "scale",
              "entity_scales",
              "entity_counts",
              "include_entities",
              "exclude_entities",
              "band",
              "traffic",
              "mode",
              "parallelism",
              "llm",
              "max_requests",
              "max_cost"));

  /** The fields of {@code traffic}, in the order of {@link TrafficRequest#KEYS}. */
  public static final List<String> TRAFFIC_FIELDS =
      TrafficRequest.KEYS.stream()
          .map(k -> RunRules.trafficField(k).substring("traffic.".length()))
          .toList();

  private final int maxParallelism;

  /** {@code maxParallelism}: the most worker threads a request may ask for. */
  public RunRequestReader(int maxParallelism) {
    this.maxParallelism = maxParallelism;
  }

  /** The request as far as it could be read; null (and a problem) when the tree is no mapping. */
  public RunInput read(Object tree, Problems problems) {
    TreeReader r = new TreeReader(problems);
    if (!(tree instanceof Map<?, ?>)) {
      problems.add("(body)", "must be a JSON object", "send {\"scenario_id\": \"…\", …}");
      return null;
    }
    Map<String, Object> m = r.object(tree, "(body)", "", "");
    r.onlyKeys(m, FIELDS, "");
    String scenarioId = r.id(m.get("scenario_id"), "scenario_id");
    Object scenario = scenario(m.get("scenario"), problems);
    String targetId = r.id(m.get("target_id"), "target_id");
    Object target = m.get("target");
    Long seed = r.whole(m.get("seed"), "seed");
    RunOverrides overrides =
        new RunOverrides(
            seed,
            r.instant(m.get("as_of"), "as_of"),
            r.number(m.get("scale"), "scale"),
            numbers(r, m.get("entity_scales"), "entity_scales"),
            wholes(r, m.get("entity_counts"), "entity_counts"),
            r.names(m.get("include_entities"), "include_entities"),
            r.names(m.get("exclude_entities"), "exclude_entities"));
    String band = r.text(m.get("band"), "band");
    TrafficRequest traffic = traffic(r, m.get("traffic"));
    TableMode mode = mode(r.text(m.get("mode"), "mode"), problems);
    Integer parallelism = parallelism(r.whole(m.get("parallelism"), "parallelism"), problems);
    LlmService.Mode llm = llmMode(r.text(m.get("llm"), "llm"), problems);
    return new RunInput(
        scenarioId,
        scenario,
        targetId,
        target,
        overrides,
        band,
        traffic,
        mode,
        parallelism,
        llm,
        budget(r, m, problems));
  }

  /** {@code max_requests} and {@code max_cost}: caps on what the run's LLM requests may spend. */
  private static LlmBudget budget(TreeReader r, Map<String, Object> m, Problems problems) {
    Long requests = r.whole(m.get("max_requests"), "max_requests");
    Double cost = r.number(m.get("max_cost"), "max_cost");
    if (requests != null && requests < 0) {
      problems.add(
          "max_requests", "must be 0 or more", "set max_requests, e.g. 1000 (0: send nothing)");
      requests = null;
    }
    if (cost != null && !(cost >= 0)) {
      problems.add(
          "max_cost", "must be 0 or more", "set max_cost, e.g. 5.00 (in the price currency)");
      cost = null;
    }
    if (requests == null && cost == null) {
      return null;
    }
    return new LlmBudget(
        requests == null ? Long.MAX_VALUE : requests,
        cost == null ? Double.POSITIVE_INFINITY : cost);
  }

  /** {@code llm}: online (llm_text columns may send requests) or offline (cached answers only). */
  private static LlmService.Mode llmMode(String name, Problems problems) {
    if (name == null) {
      return null;
    }
    try {
      return LlmService.Mode.valueOf(name.strip().toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      problems.add(
          "llm",
          "unknown LLM mode '" + name + "'",
          "use online (llm_text columns may send requests) or offline (cached answers only)");
      return null;
    }
  }

  private static Object scenario(Object v, Problems problems) {
    if (v == null || v instanceof String || v instanceof Map<?, ?>) {
      return v;
    }
    problems.add(
        "scenario", "must be a scenario object or YAML text", "see docs/scenario-format.md");
    return null;
  }

  private static Map<String, Double> numbers(TreeReader r, Object v, String path) {
    Map<String, Double> out = new LinkedHashMap<>();
    entries(r, v, path)
        .forEach(
            (k, x) -> {
              Double d = r.number(x, path + "." + k);
              if (d != null) {
                out.put(k, d);
              }
            });
    return out;
  }

  private static Map<String, Long> wholes(TreeReader r, Object v, String path) {
    Map<String, Long> out = new LinkedHashMap<>();
    entries(r, v, path)
        .forEach(
            (k, x) -> {
              Long n = r.whole(x, path + "." + k);
              if (n != null) {
                out.put(k, n);
              }
            });
    return out;
  }

  private static Map<String, Object> entries(TreeReader r, Object v, String path) {
    Map<String, Object> m =
        r.object(v, path, "must be an object of entity names to values", "write {\"orders\": 2}");
    return m == null ? Map.of() : m;
  }

  /** {@code traffic}: text (a rate or size may be a bare number) and {@code wall_clock}. */
  private static TrafficRequest traffic(TreeReader r, Object v) {
    Map<String, Object> t =
        r.object(
            v,
            "traffic",
            "must be an object",
            "write {\"rate\": \"50k/s\", \"duration\": \"30s\"}");
    if (t == null) {
      return null;
    }
    r.onlyKeys(t, TRAFFIC_FIELDS, "traffic.");
    String[] s = new String[TRAFFIC_FIELDS.size()];
    for (int i = 0; i < s.length; i++) {
      String key = TRAFFIC_FIELDS.get(i);
      if (!"wall_clock".equals(key)) {
        s[i] = r.scalar(t.get(key), "traffic." + key, "30s");
      }
    }
    boolean wallClock = r.flag(t.get("wall_clock"), "traffic.wall_clock");
    return new TrafficRequest(s[0], s[1], s[2], s[3], s[4], s[5], s[6], wallClock, s[8]);
  }

  private static TableMode mode(String name, Problems problems) {
    if (name == null) {
      return null;
    }
    return TableMode.parse(name)
        .orElseGet(
            () -> {
              problems.add(
                  "mode", "unknown mode '" + name + "'", "use one of: " + TableMode.allNames());
              return null;
            });
  }

  private Integer parallelism(Long n, Problems problems) {
    if (n == null) {
      return null;
    }
    if (n < 1 || n > maxParallelism) {
      problems.add(
          "parallelism",
          "must be between 1 and " + maxParallelism + ", got " + n,
          "leave it out for the default");
      return null;
    }
    return n.intValue();
  }
}
