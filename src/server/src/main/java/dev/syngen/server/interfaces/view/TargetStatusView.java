package dev.syngen.server.interfaces.view;

import dev.syngen.core.sink.Redactor;
import dev.syngen.server.infrastructure.health.Dependency;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;

/**
 * One target's reachability in {@code GET /targets/status}: where it is (host:port list or
 * directory, never credentials), whether it answered, how fast, why not, when it was checked, and
 * whether readiness counts it.
 */
@JsonbPropertyOrder({
  "id",
  "kind",
  "endpoint",
  "status",
  "latencyMs",
  "error",
  "checkedAt",
  "required"
})
public record TargetStatusView(
    String id,
    String kind,
    String endpoint,
    String status,
    long latencyMs,
    String error,
    Instant checkedAt,
    boolean required) {
  public static TargetStatusView of(Dependency d, boolean required) {
    return new TargetStatusView(
        d.targetId(),
        d.kind(),
        Redactor.text(d.endpoint()),
        d.up() ? "up" : "down",
        d.latencyMs(),
        d.error() == null ? null : Redactor.text(d.error()),
        d.checkedAt(),
        required);
  }
}
