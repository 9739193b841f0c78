package dev.syngen.server.interfaces.rest;

import dev.syngen.core.llm.LlmService;
import dev.syngen.core.plan.RunOverrides;
import dev.syngen.core.scenario.Instants;
import dev.syngen.core.scenario.Problems;
import dev.syngen.core.sink.TableMode;
import dev.syngen.core.traffic.TrafficRequest;
import dev.syngen.server.application.run.RunPlanner;
import dev.syngen.server.application.run.RunRequest;
import dev.syngen.server.application.scenario.ProblemPaths;
import dev.syngen.server.application.scenario.ScenarioCatalog;
import dev.syngen.server.application.target.TargetSpec;
import dev.syngen.server.application.target.TargetSpecs;
import java.math.BigInteger;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Reads the JSON body of {@code POST /runs} and {@code POST /runs/plan} into a {@link RunRequest}.
 * Unknown fields and wrong types are problems with their field paths, all reported together.
 */
final class RunRequestReader {
  static final Set<String> FIELDS =
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
              "llm"));

  private final Function<Object, String> toJson;
  private final int maxParallelism;

  /** {@code toJson} writes an inline scenario object back to JSON text, the stored document. */
  RunRequestReader(Function<Object, String> toJson, int maxParallelism) {
    this.toJson = toJson;
    this.maxParallelism = maxParallelism;
  }

  /**
   * The request as far as it could be read: fields with problems are left out and their problems
   * travel with the request. Null only when the body is not an object at all.
   */
  RunRequest read(Object tree) {
    Problems problems = new Problems();
    if (!(tree instanceof Map<?, ?> m)) {
      problems.add("(body)", "must be a JSON object", "send {\"scenario_id\": \"…\", …}");
      problems.throwIfAny("run request");
      return null;
    }
    Fields f = new Fields(m, problems);
    for (String key : f.keys()) {
      if (!FIELDS.contains(key)) {
        problems.add(key, "unknown field '" + key + "'", "use only: " + String.join(", ", FIELDS));
      }
    }
    String scenarioId = f.id("scenario_id");
    String document = scenarioDocument(m.get("scenario"), problems);
    String targetId = f.id("target_id");
    TargetSpec target = inlineTarget(m.get("target"), problems);
    Long seed = f.whole("seed");
    Instant asOf = f.instant("as_of");
    Double scale = f.number("scale");
    Map<String, Double> scales = new LinkedHashMap<>();
    f.numbers("entity_scales").forEach((k, v) -> scales.put(k, v.doubleValue()));
    Map<String, Long> counts = new LinkedHashMap<>();
    f.wholes("entity_counts").forEach(counts::put);
    List<String> include = f.strings("include_entities");
    List<String> exclude = f.strings("exclude_entities");
    String band = f.text("band");
    TrafficRequest traffic = traffic(m.get("traffic"), problems);
    TableMode mode = mode(f.text("mode"), problems);
    Long parallelism = f.whole("parallelism");
    if (parallelism != null && (parallelism < 1 || parallelism > maxParallelism)) {
      problems.add(
          "parallelism",
          "must be between 1 and " + maxParallelism + ", got " + parallelism,
          "leave it out for the server's default");
    }
    LlmService.Mode llm = llmMode(f.text("llm"), problems);
    return new RunRequest(
        scenarioId,
        document,
        targetId,
        target,
        new RunOverrides(seed, asOf, scale, scales, counts, include, exclude),
        band,
        traffic,
        mode,
        parallelism == null || parallelism < 1 || parallelism > maxParallelism
            ? null
            : parallelism.intValue(),
        llm,
        problems.list());
  }

  private String scenarioDocument(Object v, Problems problems) {
    if (v == null) {
      return null;
    }
    if (v instanceof String yaml) {
      return yaml;
    }
    if (v instanceof Map<?, ?>) {
      return toJson.apply(v);
    }
    problems.add(
        "scenario", "must be a scenario object or YAML text", "see docs/scenario-format.md");
    return null;
  }

  private static TargetSpec inlineTarget(Object v, Problems problems) {
    if (v == null) {
      return null;
    }
    Problems found = new Problems();
    TargetSpec spec = TargetSpecs.fromTree(v, "inline", found);
    ProblemPaths.copy(found.list(), "target", problems);
    return spec;
  }

  /** The keys of the {@code traffic} object. */
  static final List<String> TRAFFIC_FIELDS =
      TrafficRequest.KEYS.stream()
          .map(k -> RunPlanner.trafficField(k).substring("traffic.".length()))
          .toList();

  /**
   * {@code traffic}: strings (a rate or size may be a bare number) and the boolean {@code
   * wall_clock}; null when absent.
   */
  private static TrafficRequest traffic(Object v, Problems problems) {
    if (v == null) {
      return null;
    }
    if (!(v instanceof Map<?, ?> t)) {
      problems.add(
          "traffic", "must be an object", "write {\"rate\": \"50k/s\", \"duration\": \"30s\"}");
      return null;
    }
    String[] values = new String[TRAFFIC_FIELDS.size()];
    boolean[] wallClock = {false};
    t.forEach(
        (k, x) -> {
          int i = TRAFFIC_FIELDS.indexOf(String.valueOf(k));
          if ("wall_clock".equals(k)) {
            if (x instanceof Boolean b) {
              wallClock[0] = b;
            } else if (x != null) {
              problems.add("traffic.wall_clock", "must be true or false", "write true");
            }
          } else if (i < 0) {
            problems.add(
                "traffic." + k,
                "unknown field '" + k + "'",
                "use only: " + String.join(", ", TRAFFIC_FIELDS));
          } else if (x instanceof String || x instanceof Number) {
            values[i] = String.valueOf(x);
          } else if (x != null) {
            problems.add("traffic." + k, "must be a string", "write it in quotes, e.g. \"30s\"");
          }
        });
    return new TrafficRequest(
        values[0],
        values[1],
        values[2],
        values[3],
        values[4],
        values[5],
        values[6],
        wallClock[0],
        values[TRAFFIC_FIELDS.indexOf("speed")]);
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

  /** Typed access to the body's fields; a wrong type becomes a problem at the field's path. */
  private record Fields(Map<?, ?> m, Problems problems) {
    List<String> keys() {
      return m.keySet().stream().map(String::valueOf).toList();
    }

    String text(String key) {
      Object v = m.get(key);
      if (v == null || v instanceof String) {
        return (String) v;
      }
      problems.add(key, "must be a string", "write it in quotes");
      return null;
    }

    String id(String key) {
      String v = text(key);
      if (v != null && !ScenarioCatalog.ID.matcher(v).matches()) {
        problems.add(key, "'" + v + "' is not a valid id", "use 1-64 letters, digits, '_' and '-'");
        return null;
      }
      return v;
    }

    Long whole(String key) {
      return whole(key, m.get(key));
    }

    private Long whole(String path, Object v) {
      if (v == null) {
        return null;
      }
      if (v instanceof Long l) {
        return l;
      }
      if (v instanceof String s) {
        try {
          return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
          problems.add(path, "must be a whole number, got '" + s + "'", "write e.g. 42");
          return null;
        }
      }
      String why =
          v instanceof BigInteger ? "is out of the 64-bit range" : "must be a whole number";
      problems.add(path, why + ", got " + v, "write a whole number such as 42");
      return null;
    }

    Double number(String key) {
      return number(key, m.get(key));
    }

    private Double number(String path, Object v) {
      if (v == null) {
        return null;
      }
      if (v instanceof Number n) {
        return n.doubleValue();
      }
      problems.add(path, "must be a number, got '" + v + "'", "write e.g. 0.5");
      return null;
    }

    Instant instant(String key) {
      String s = text(key);
      if (s == null) {
        return null;
      }
      try {
        return Instants.parse(s);
      } catch (DateTimeParseException e) {
        problems.add(
            key,
            "is not an ISO-8601 instant in the years 1 to 9999: '" + s + "'",
            "write e.g. 2026-01-01T00:00:00Z");
        return null;
      }
    }

    Map<String, Number> numbers(String key) {
      Map<String, Number> out = new LinkedHashMap<>();
      object(key)
          .forEach(
              (k, v) -> {
                Double d = number(key + "." + k, v);
                if (d != null) {
                  out.put(k, d);
                }
              });
      return out;
    }

    Map<String, Long> wholes(String key) {
      Map<String, Long> out = new LinkedHashMap<>();
      object(key)
          .forEach(
              (k, v) -> {
                Long n = whole(key + "." + k, v);
                if (n != null) {
                  out.put(k, n);
                }
              });
      return out;
    }

    private Map<String, Object> object(String key) {
      Object v = m.get(key);
      Map<String, Object> out = new LinkedHashMap<>();
      if (v instanceof Map<?, ?> o) {
        o.forEach((k, x) -> out.put(String.valueOf(k), x));
      } else if (v != null) {
        problems.add(key, "must be an object of entity names to values", "write {\"orders\": 2}");
      }
      return out;
    }

    List<String> strings(String key) {
      Object v = m.get(key);
      List<String> out = new ArrayList<>();
      if (v instanceof List<?> l) {
        for (int i = 0; i < l.size(); i++) {
          if (l.get(i) instanceof String s) {
            out.add(s);
          } else {
            problems.add(key + "[" + i + "]", "must be an entity name", "write it in quotes");
          }
        }
      } else if (v != null) {
        problems.add(key, "must be a list of entity names", "write [\"orders\"]");
      }
      return out;
    }
  }
}
