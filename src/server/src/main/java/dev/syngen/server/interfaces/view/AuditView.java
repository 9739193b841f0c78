package dev.syngen.server.interfaces.view;

import dev.syngen.server.application.audit.AuditEntry;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;

/** One audit entry. */
@JsonbPropertyOrder({"time", "actor", "action", "subject", "details", "traceId"})
public record AuditView(
    Instant time, String actor, String action, String subject, String details, String traceId) {
  public static AuditView of(AuditEntry e) {
    return new AuditView(e.time(), e.actor(), e.action(), e.subject(), e.details(), e.traceId());
  }
}
