package dev.syngen.server.application.audit;

import dev.syngen.server.infrastructure.persistence.JpaAuditLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * Reading the audit log, as the REST API and the console both do: newest entries first, details
 * already redacted when they were stored.
 */
@ApplicationScoped
public class AuditService {
  @Inject JpaAuditLog log;

  /** The newest {@code limit} entries, only those about {@code subject} when it is not null. */
  public List<AuditEntry> newest(int limit, String subject) {
    return log.newest(limit, subject);
  }

  /**
   * One page of entries, newest first, whose actor, action and subject contain the given texts
   * (blank: any), ignoring case.
   */
  public List<AuditEntry> search(
      String actor, String action, String subject, int offset, int limit) {
    return log.search(actor, action, subject, offset, limit);
  }
}
