package dev.syngen.server.application.run;

import dev.syngen.core.engine.RunRecord;
import dev.syngen.server.application.audit.AuditEntry;
import dev.syngen.server.infrastructure.persistence.JpaAuditLog;
import dev.syngen.server.infrastructure.persistence.JpaRunLog;
import dev.syngen.server.infrastructure.persistence.JpaRunRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** Records a run change together with its audit entry and log line, in one transaction. */
@ApplicationScoped
@Transactional
public class RunLedger {
  @Inject JpaRunRepository runs;
  @Inject JpaAuditLog audit;
  @Inject JpaRunLog runLog;

  public void recordNew(RunRecord run, RunSpec spec, AuditEntry entry, String message) {
    runs.create(run, spec);
    audit.append(entry);
    runLog.append(run.id(), "INFO", null, message, entry.traceId());
  }

  /** {@code changed} may be null when only the audit entry and log line are new. */
  public void recordChange(
      RunRecord changed, String runId, AuditEntry entry, String level, String message) {
    if (changed != null) {
      runs.save(changed);
    }
    audit.append(entry);
    runLog.append(runId, level, null, message, entry.traceId());
  }
}
