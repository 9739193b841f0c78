package dev.syngen.server.interfaces.view;

import dev.syngen.server.application.audit.AuditEntry;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;

/**
 * One audit entry, with the log schema's field names (docs/logging.md); {@code time} and {@code
 * actor} repeat {@code timestamp} and {@code user} for clients of earlier versions.
 */
@JsonbPropertyOrder({"timestamp", "user", "action", "subject", "details", "traceId"})
public record AuditView(
    Instant timestamp, String user, String action, String subject, String details, String traceId) {
  public static AuditView of(AuditEntry e) {
    return new AuditView(e.time(), e.actor(), e.action(), e.subject(), e.details(), e.traceId());
  }

  /** Deprecated alias of {@code timestamp}, removed in a later version. */
  @Deprecated
  @JsonbProperty("time")
  public Instant getTime() {
    return timestamp;
  }

  /** Deprecated alias of {@code user}, removed in a later version. */
  @Deprecated
  @JsonbProperty("actor")
  public String getActor() {
    return user;
  }
}
