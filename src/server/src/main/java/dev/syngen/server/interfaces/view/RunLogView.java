package dev.syngen.server.interfaces.view;

import dev.syngen.server.application.run.RunLogEntry;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;

/**
 * One run log line, with the log schema's field names (docs/logging.md); {@code time} repeats
 * {@code timestamp} for clients of earlier versions.
 */
@JsonbPropertyOrder({"timestamp", "level", "entity", "message", "traceId"})
public record RunLogView(
    Instant timestamp, String level, String entity, String message, String traceId) {
  public static RunLogView of(RunLogEntry e) {
    return new RunLogView(e.time(), e.level(), e.entity(), e.message(), e.traceId());
  }

  /** Deprecated alias of {@code timestamp}, removed in a later version. */
  @Deprecated
  @JsonbProperty("time")
  public Instant getTime() {
    return timestamp;
  }
}
