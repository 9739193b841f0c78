package dev.syngen.server.rest.view;

import dev.syngen.server.persistence.AuditEntry;
import java.time.Instant;

/** One audit entry. */
public record AuditView(
    Instant time, String actor, String action, String subject, String details, String traceId) {
  public static AuditView of(AuditEntry e) {
    return new AuditView(e.time(), e.actor(), e.action(), e.subject(), e.details(), e.traceId());
  }
}
