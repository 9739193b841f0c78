package dev.syngen.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.syngen.core.plan.CompiledEntity;
import dev.syngen.core.plan.CompiledPlan;
import dev.syngen.core.sink.PayloadShape;
import dev.syngen.core.traffic.ByteSize;
import dev.syngen.core.traffic.HumanDuration;
import dev.syngen.core.traffic.Rate;
import dev.syngen.core.traffic.Traffic;
import dev.syngen.core.traffic.TrafficMode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** The flags of {@code run start} that shape traffic: rate, duration, mode and payloads. */
final class TrafficOptions {
  @Option(
      names = "--rate",
      paramLabel = "RATE",
      description = "Hold this rate: records/s (50k/s, 1000) or bytes/s (7.5GB/s, 125kb/s, 1mbit).")
  String rate;

  @Option(
      names = "--duration",
      paramLabel = "TIME",
      description = "Stream the last (or --stream-entity) entity for this long: 30s, 5m, 1h.")
  String duration;

  @Option(
      names = "--stream-entity",
      paramLabel = "ENTITY",
      description = "The entity --duration applies to (default: the last in plan order).")
  String streamEntity;

  @Option(
      names = "--traffic",
      paramLabel = "MODE",
      description = "steady (token bucket, default), burst (full speed in windows), sampled.")
  String mode;

  @Option(
      names = "--burst-window",
      paramLabel = "TIME",
      description = "Window of --traffic burst (default: 1s).")
  String window;

  @Option(
      names = "--payload-size",
      paramLabel = "SIZE",
      description = "Pad message payloads to SIZE (1KB); with sampled, the logical size.")
  String payloadSize;

  @Option(
      names = "--payload-template",
      paramLabel = "JSON|@FILE",
      description = "Message payload template with {{column}} placeholders, inline or @file.")
  String payloadTemplate;

  @Option(
      names = "--wall-clock",
      description =
          "Timestamp columns carry the time each record is produced (needs --rate or --duration)."
              + " Not reproducible: the one exception to same seed, same data.")
  boolean wallClock;

  boolean any() {
    return wallClock
        || rate != null
        || duration != null
        || mode != null
        || payloadSize != null
        || payloadTemplate != null;
  }

  boolean shapesPayload() {
    return payloadSize != null || payloadTemplate != null;
  }

  TrafficMode mode() {
    return mode == null ? TrafficMode.STEADY : TrafficMode.parse(mode);
  }

  Rate rate() {
    return rate == null ? null : Rate.parse(rate);
  }

  Duration duration() {
    return duration == null ? null : HumanDuration.parse(duration);
  }

  /** Checks the flags together; throws with what to change. */
  void check() {
    TrafficMode m = mode();
    Rate r = rate();
    duration();
    if (m != TrafficMode.STEADY && r == null) {
      throw new IllegalArgumentException("--traffic " + m.label() + " needs --rate");
    }
    if (m == TrafficMode.SAMPLED && payloadSize == null) {
      throw new IllegalArgumentException(
          "--traffic sampled needs --payload-size: the logical size each record stands for");
    }
    if (window != null && m != TrafficMode.BURST) {
      throw new IllegalArgumentException("--burst-window applies only to --traffic burst");
    }
    if (wallClock && r == null && duration == null) {
      throw new IllegalArgumentException(
          "--wall-clock applies to streaming runs: add --rate (e.g. 1k/s) or --duration (e.g. 5m)");
    }
    if (streamEntity != null && duration == null) {
      throw new IllegalArgumentException("--stream-entity applies only with --duration");
    }
    payload();
  }

  PayloadShape payload() {
    int size = payloadSize == null ? 0 : (int) ByteSize.parse(payloadSize);
    return new PayloadShape(size, template(), mode() == TrafficMode.SAMPLED);
  }

  private String template() {
    if (payloadTemplate == null) {
      return null;
    }
    String t = payloadTemplate;
    if (t.startsWith("@")) {
      try {
        t = Files.readString(Path.of(t.substring(1)));
      } catch (IOException e) {
        throw new IllegalArgumentException(
            "--payload-template " + payloadTemplate + ": cannot read the file (" + e + ")");
      }
    }
    String probe = t.replaceAll("\\{\\{\\s*[A-Za-z_][A-Za-z0-9_]*\\s*}}", "0");
    try {
      new ObjectMapper().readTree(probe);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException(
          "--payload-template is not JSON once its {{column}} placeholders are filled: "
              + e.getOriginalMessage()
              + "; write e.g. '{\"id\":{{reading_id}},\"v\":{{value}}}'");
    }
    return t;
  }

  /** The entity --duration applies to, checked against the plan. */
  CompiledEntity streamed(CompiledPlan plan) {
    var included = plan.included();
    if (streamEntity == null) {
      return included.get(included.size() - 1);
    }
    return included.stream()
        .filter(e -> e.name().equals(streamEntity))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "--stream-entity '"
                        + streamEntity
                        + "' is not an entity this run writes; use one of "
                        + included.stream().map(CompiledEntity::name).toList()));
  }

  Traffic traffic(CompiledPlan plan, PayloadShape payload) {
    return new Traffic(
        rate(),
        mode(),
        window == null ? null : HumanDuration.parse(window),
        duration(),
        duration == null ? null : streamed(plan).name(),
        payload.sampled() ? payload.size() : 0,
        wallClock);
  }

  Map<String, Object> asMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    put(m, "rate", rate);
    put(m, "duration", duration);
    put(m, "stream_entity", streamEntity);
    put(m, "traffic", mode);
    put(m, "burst_window", window);
    put(m, "payload_size", payloadSize);
    put(m, "payload_template", payloadTemplate);
    put(m, "wall_clock", wallClock ? Boolean.TRUE : null);
    return m;
  }

  private static void put(Map<String, Object> m, String k, Object v) {
    if (v != null) {
      m.put(k, v);
    }
  }
}
