package dev.syngen.server.interfaces.batch;

import dev.syngen.core.engine.RunRecord;
import dev.syngen.core.engine.RunStatus;
import dev.syngen.core.sink.PartitionCommits;
import dev.syngen.server.application.batch.BatchLauncher;
import dev.syngen.server.application.batch.BatchRecords;
import dev.syngen.server.application.batch.BatchRun;
import dev.syngen.server.application.batch.BatchRuns;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.listener.AbstractJobListener;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Marks the run running when a job execution begins, with a log line naming the execution; records
 * how it ended as the run's outcome — completed: success, stopped: cancelled, otherwise failed —
 * and releases the run's target.
 */
@Named("syngenRunJobListener")
@Dependent
public class RunJobListener extends AbstractJobListener {
  private static final Logger LOG = Logger.getLogger(RunJobListener.class.getName());

  @Inject JobContext job;
  @Inject BatchRuns runs;
  @Inject BatchRecords records;
  @Inject Clock clock;

  @Inject @BatchProperty String runId;

  @Override
  public void beforeJob() {
    BatchRun run = runs.require(runId);
    run.progress().start(run.pending().withStatus(RunStatus.RUNNING, clock.instant(), null));
    records.log(
        runId,
        "INFO",
        null,
        (run.restart() ? "restarting" : "running")
            + " as Jakarta Batch job "
            + BatchLauncher.JOB
            + ", execution "
            + job.getExecutionId()
            + " (instance "
            + job.getInstanceId()
            + ")"
            + (run.restart() ? "; partitions resume from their checkpoints" : ""),
        run.traceId());
  }

  @Override
  public void afterJob() {
    BatchRun run = runs.find(runId).orElse(null);
    if (run == null) {
      return;
    }
    RunRecord last = run.progress().snapshot();
    try {
      RunStatus status = status(job.getBatchStatus(), last);
      last = last.withStatus(status, clock.instant(), error(status, run, last));
      if (status == RunStatus.SUCCESS && run.sink() instanceof PartitionCommits commits) {
        commits.forgetMarkers(runId);
      }
      records.save(last);
      records.outcome(last, run.traceId());
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "recording the end of run " + runId + " failed", e);
    } finally {
      runs.remove(run);
      run.sink().close();
      run.finish(last);
    }
  }

  /** Artifacts may see the final status still as started or stopping; rows settle it then. */
  private static RunStatus status(BatchStatus batch, RunRecord last) {
    return switch (batch) {
      case COMPLETED, STARTED ->
          last.rowsWritten() >= last.rowsPlanned() ? RunStatus.SUCCESS : RunStatus.FAILED;
      case STOPPED, STOPPING -> RunStatus.CANCELLED;
      default -> RunStatus.FAILED;
    };
  }

  private String error(RunStatus status, BatchRun run, RunRecord last) {
    return switch (status) {
      case SUCCESS -> null;
      case CANCELLED ->
          "cancelled: batch job execution "
              + job.getExecutionId()
              + " stopped at its last checkpoint after "
              + last.rowsWritten()
              + " rows";
      default ->
          run.error() != null
              ? run.error()
              : "batch job execution "
                  + job.getExecutionId()
                  + " ended "
                  + job.getBatchStatus()
                  + "; see the server log";
    };
  }
}
