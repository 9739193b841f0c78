package dev.syngen.server.interfaces.view;

import dev.syngen.server.application.run.RunLogEntry;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;

/** One run log line. */
@JsonbPropertyOrder({"time", "level", "entity", "message", "traceId"})
public record RunLogView(
    Instant time, String level, String entity, String message, String traceId) {
  public static RunLogView of(RunLogEntry e) {
    return new RunLogView(e.time(), e.level(), e.entity(), e.message(), e.traceId());
  }
}
