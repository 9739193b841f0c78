package dev.syngen.server.interfaces.console;

import dev.syngen.core.problem.Problems;
import dev.syngen.core.sink.TableMode;
import dev.syngen.server.application.run.RunRequest;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The run builder's fields as typed, and their translation into a {@link RunRequest}: the fields
 * become the same tree a REST body is, read by the same reader, so a value that does not parse is
 * the same problem, with the same API path and message, here as there. Only the form's own {@code
 * entity=value} lines are checked here.
 */
public class RunForm implements Serializable {
  private static final long serialVersionUID = 1L;

  String scenario;
  String target;
  String seed;
  String asOf;
  String scale;
  String counts;
  String scales;
  String band;
  String include;
  String exclude;
  String mode = TableMode.CREATE_IF_MISSING.yamlName();
  String rate;
  String duration;
  String traffic;
  String payloadSize;
  boolean wallClock;
  String llm;
  String maxRequests;
  String maxCost;

  RunRequest toRequest() {
    Problems problems = new Problems();
    Map<String, Object> tree = new LinkedHashMap<>();
    put(tree, "scenario_id", scenario);
    put(tree, "target_id", target);
    put(tree, "seed", seed);
    put(tree, "as_of", asOf);
    put(tree, "scale", scale);
    put(tree, "entity_counts", pairs(counts, "entity_counts", "devices=500", problems));
    put(tree, "entity_scales", pairs(scales, "entity_scales", "telemetry=0.1", problems));
    put(tree, "include_entities", names(include));
    put(tree, "exclude_entities", names(exclude));
    put(tree, "band", band);
    put(tree, "mode", mode);
    Map<String, Object> t = new LinkedHashMap<>();
    put(t, "rate", rate);
    put(t, "duration", duration);
    put(t, "mode", traffic);
    put(t, "payload_size", payloadSize);
    if (wallClock) {
      t.put("wall_clock", true);
    }
    put(tree, "traffic", t);
    put(tree, "llm", llm);
    put(tree, "max_requests", maxRequests);
    put(tree, "max_cost", maxCost);
    // the form has no inline scenario and no parallelism field
    return RunRequest.read(tree, Integer.MAX_VALUE, String::valueOf).plus(problems.list());
  }

  /** Puts a value the user gave: blank text and empty collections are left out. */
  private static void put(Map<String, Object> tree, String key, Object value) {
    boolean empty =
        value == null
            || value instanceof String s && s.isBlank()
            || value instanceof Map<?, ?> m && m.isEmpty()
            || value instanceof List<?> l && l.isEmpty();
    if (!empty) {
      tree.put(key, value);
    }
  }

  /** The builder field that shows a problem with API path {@code path}. */
  static String fieldOf(String path) {
    if (path == null) {
      return null;
    }
    if (path.startsWith("scenario")) {
      return "scenario";
    }
    if (path.startsWith("target")) {
      return "target";
    }
    if (path.startsWith("entity_counts")) {
      return "counts";
    }
    if (path.startsWith("entity_scales")) {
      return "scales";
    }
    if (path.startsWith("include_entities")) {
      return "include";
    }
    if (path.startsWith("exclude_entities")) {
      return "exclude";
    }
    return switch (path) {
      case "seed" -> "seed";
      case "as_of" -> "asOf";
      case "scale" -> "scale";
      case "mode" -> "mode";
      case "band" -> "band";
      case "traffic.rate" -> "rate";
      case "traffic.duration", "traffic.stream_entity" -> "duration";
      case "traffic.mode", "traffic.burst_window" -> "traffic";
      case "traffic.payload_size", "traffic.payload_template" -> "payloadSize";
      case "traffic.wall_clock" -> "wallClock";
      case "llm" -> "llm";
      case "max_requests" -> "maxRequests";
      case "max_cost" -> "maxCost";
      default -> null;
    };
  }

  /** {@code entity=value} pairs, one a line or comma separated; malformed ones are problems. */
  private static Map<String, String> pairs(
      String text, String path, String example, Problems problems) {
    Map<String, String> out = new LinkedHashMap<>();
    if (blank(text)) {
      return out;
    }
    for (String line : text.split("[\\n,]")) {
      if (line.isBlank()) {
        continue;
      }
      String[] kv = line.split("=", 2);
      if (kv.length != 2 || kv[0].isBlank()) {
        problems.add(path, "'" + line.strip() + "' is not entity=value", "write e.g. " + example);
      } else {
        out.put(kv[0].strip(), kv[1].strip());
      }
    }
    return out;
  }

  private static List<String> names(String text) {
    if (blank(text)) {
      return List.of();
    }
    return new ArrayList<>(Arrays.stream(text.split("[,\\s]+")).filter(s -> !s.isBlank()).toList());
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
