package dev.syngen.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

  @Option(
      names = "--speed",
      paramLabel = "FACTOR",
      description =
          "Stream lifecycle events merged in event-time order at this factor of event time: 1x"
              + " (real time), 60x (an hour per minute), max (no waiting). --rate still caps.")
  String speed;

  /** The flags under the request's {@code traffic} fields; a {@code @file} template is read. */
  Map<String, Object> tree() {
    Map<String, Object> t = new LinkedHashMap<>();
    RunCommand.put(t, "rate", rate);
    RunCommand.put(t, "duration", duration);
    RunCommand.put(t, "stream_entity", streamEntity);
    RunCommand.put(t, "mode", mode);
    RunCommand.put(t, "burst_window", window);
    RunCommand.put(t, "payload_size", payloadSize);
    RunCommand.put(t, "payload_template", template());
    RunCommand.put(t, "wall_clock", wallClock ? true : null);
    RunCommand.put(t, "speed", speed);
    return t;
  }

  private String template() {
    if (payloadTemplate == null || !payloadTemplate.startsWith("@")) {
      return payloadTemplate;
    }
    try {
      return Files.readString(Path.of(payloadTemplate.substring(1)));
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "--payload-template " + payloadTemplate + ": cannot read the file (" + e + ")");
    }
  }
}
