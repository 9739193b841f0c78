package dev.syngen.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Model.ArgGroupSpec;

/** The flags of {@code run start} that shape traffic: rate, duration, mode and payloads. */
final class TrafficOptions {
  String rate;
  String duration;
  String streamEntity;
  String mode;
  String window;
  String payloadSize;
  String payloadTemplate;
  boolean wallClock;
  String speed;

  /** These flags, each optional, under their own heading in the help. */
  ArgGroupSpec group() {
    return ArgGroupSpec.builder()
        .exclusive(false)
        .heading("Traffic:%n")
        .addArg(
            Specs.text(
                "--rate",
                "RATE",
                "Hold this rate: records/s (50k/s, 1000) or bytes/s (7.5GB/s, 125kb/s, 1mbit).",
                () -> rate,
                v -> rate = (String) v))
        .addArg(
            Specs.text(
                "--duration",
                "TIME",
                "Stream the last (or --stream-entity) entity for this long: 30s, 5m, 1h.",
                () -> duration,
                v -> duration = (String) v))
        .addArg(
            Specs.text(
                "--stream-entity",
                "ENTITY",
                "The entity --duration applies to (default: the last in plan order).",
                () -> streamEntity,
                v -> streamEntity = (String) v))
        .addArg(
            Specs.text(
                "--traffic",
                "MODE",
                "steady (token bucket, default), burst (full speed in windows), sampled.",
                () -> mode,
                v -> mode = (String) v))
        .addArg(
            Specs.text(
                "--burst-window",
                "TIME",
                "Window of --traffic burst (default: 1s).",
                () -> window,
                v -> window = (String) v))
        .addArg(
            Specs.text(
                "--payload-size",
                "SIZE",
                "Pad message payloads to SIZE (1KB); with sampled, the logical size.",
                () -> payloadSize,
                v -> payloadSize = (String) v))
        .addArg(
            Specs.text(
                "--payload-template",
                "JSON|@FILE",
                "Message payload template with {{column}} placeholders, inline or @file.",
                () -> payloadTemplate,
                v -> payloadTemplate = (String) v))
        .addArg(
            Specs.option(
                    "--wall-clock", boolean.class, () -> wallClock, v -> wallClock = (Boolean) v)
                .description(
                    "Timestamp columns carry the time each record is produced (needs --rate or"
                        + " --duration). Not reproducible: the one exception to same seed, same"
                        + " data.")
                .build())
        .addArg(
            Specs.text(
                "--speed",
                "FACTOR",
                "Stream lifecycle events merged in event-time order at this factor of event time:"
                    + " 1x (real time), 60x (an hour per minute), max (no waiting). --rate still"
                    + " caps.",
                () -> speed,
                v -> speed = (String) v))
        .build();
  }

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
