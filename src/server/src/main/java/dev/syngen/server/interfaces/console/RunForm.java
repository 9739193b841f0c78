package dev.syngen.server.interfaces.console;

import dev.syngen.core.plan.RunOverrides;
import dev.syngen.core.scenario.Problems;
import dev.syngen.core.sink.TableMode;
import dev.syngen.core.traffic.TrafficRequest;
import dev.syngen.server.application.run.RunRequest;
import java.io.Serializable;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The run builder's fields as typed, and their translation into a {@link RunRequest}. Text that
 * does not parse becomes a problem on the API field it belongs to, so the server's validator and
 * this form report with the same paths.
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

  RunRequest toRequest() {
    Problems problems = new Problems();
    Long seedValue = whole(seed, "seed", problems);
    Instant asOfValue = null;
    if (!blank(asOf)) {
      try {
        asOfValue = Instant.parse(asOf.strip());
      } catch (DateTimeParseException e) {
        problems.add(
            "as_of",
            "'" + asOf.strip() + "' is not a UTC instant",
            "write e.g. 2025-01-01T00:00:00Z");
      }
    }
    Double scaleValue = null;
    if (!blank(scale)) {
      try {
        scaleValue = Double.valueOf(scale.strip());
      } catch (NumberFormatException e) {
        problems.add("scale", "'" + scale.strip() + "' is not a number", "write e.g. 0.5 or 2");
      }
    }
    Map<String, Long> countMap = new LinkedHashMap<>();
    pairs(counts, "entity_counts", "devices=500", problems)
        .forEach(
            (entity, text) -> {
              Long n = whole(text, "entity_counts." + entity, problems);
              if (n != null) {
                countMap.put(entity, n);
              }
            });
    Map<String, Double> scaleMap = new LinkedHashMap<>();
    pairs(scales, "entity_scales", "telemetry=0.1", problems)
        .forEach(
            (entity, text) -> {
              try {
                scaleMap.put(entity, Double.valueOf(text));
              } catch (NumberFormatException e) {
                problems.add(
                    "entity_scales." + entity,
                    "'" + text + "' is not a number",
                    "write e.g. " + entity + "=0.1");
              }
            });
    TableMode tableMode = TableMode.parse(mode).orElse(null);
    if (tableMode == null) {
      problems.add("mode", "unknown mode '" + mode + "'", "use one of: " + TableMode.allNames());
    }
    return new RunRequest(
        blank(scenario) ? null : scenario,
        null,
        blank(target) ? null : target,
        null,
        new RunOverrides(
            seedValue, asOfValue, scaleValue, scaleMap, countMap, names(include), names(exclude)),
        blank(band) ? null : band.strip(),
        new TrafficRequest(
            text(rate),
            text(duration),
            null,
            text(traffic),
            null,
            text(payloadSize),
            null,
            wallClock),
        tableMode,
        null,
        null,
        problems.list());
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

  private static String text(String s) {
    return blank(s) ? null : s.strip();
  }

  private static Long whole(String text, String path, Problems problems) {
    if (blank(text)) {
      return null;
    }
    try {
      return Long.valueOf(text.strip());
    } catch (NumberFormatException e) {
      problems.add(
          path, "'" + text.strip() + "' is not a whole number", "write digits only, e.g. 42");
      return null;
    }
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
