package dev.syngen.server.application.batch;

import dev.syngen.core.engine.RunRecord;
import dev.syngen.server.application.run.RunOutcomeLog;
import dev.syngen.server.infrastructure.persistence.JpaRunLog;
import dev.syngen.server.infrastructure.persistence.JpaRunRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Run record and log writes from batch artifacts, each in its own transaction: never inside a chunk
 * transaction, where concurrent partitions would hold the run's row locked until their commit.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class BatchRecords {
  @Inject JpaRunRepository runs;
  @Inject JpaRunLog runLog;

  public void save(RunRecord run) {
    runs.save(run);
  }

  public void log(String runId, String level, String entity, String message, String traceId) {
    runLog.append(runId, level, entity, message, traceId);
  }

  public void outcome(RunRecord last, String traceId) {
    RunOutcomeLog.append(runLog, last, traceId);
  }
}
