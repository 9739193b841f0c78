package dev.syngen.server.interfaces.batch;

import dev.syngen.core.engine.RunRecord;
import dev.syngen.core.engine.RunStatus;
import dev.syngen.core.sink.PartitionCommits;
import dev.syngen.server.application.batch.BatchLauncher;
import dev.syngen.server.application.batch.BatchRecords;
import dev.syngen.server.application.batch.BatchRun;
import dev.syngen.server.application.batch.BatchRuns;
import dev.syngen.server.application.batch.JobLevels;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.listener.AbstractJobListener;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Marks the run running when its first job execution begins, and logs every execution with the
 * dependency level it writes; when a level's job ends, lets the launcher start the next level's.
 * When the run ends here, records how — completed: success, stopped: cancelled, otherwise failed —
 * releases the run's target and ends the run's span.
 */
@Named("syngenRunJobListener")
@Dependent
public class RunJobListener extends AbstractJobListener {
  private static final Logger LOG = Logger.getLogger(RunJobListener.class.getName());
  private static final Duration CHUNK_WAIT = Duration.ofSeconds(30);

  @Inject JobContext job;
  @Inject BatchRuns runs;
  @Inject BatchRecords records;
  @Inject BatchLauncher launcher;
  @Inject Clock clock;

  @Inject @BatchProperty String runId;

  /** Absent in jobs that write every level themselves (started before levels had their own). */
  @Inject @BatchProperty String level;

  @Override
  public void beforeJob() {
    BatchRun run = runs.require(runId);
    boolean first = run.begin();
    if (first) {
      run.progress().start(run.pending().withStatus(RunStatus.RUNNING, clock.instant(), null));
    }
    records.log(runId, "INFO", null, started(run, first), run.traceId());
  }

  private String started(BatchRun run, boolean first) {
    String execution =
        " as Jakarta Batch job "
            + BatchLauncher.JOB
            + ", execution "
            + job.getExecutionId()
            + " (instance "
            + job.getInstanceId()
            + ")";
    OptionalInt writes = JobLevels.parameter(level);
    String levelOf =
        writes.isEmpty()
            ? ""
            : ": dependency level " + writes.getAsInt() + " of " + run.levels().count();
    if (!first) {
      return "continuing" + execution + levelOf;
    }
    return (run.restart() ? "restarting" : "running")
        + execution
        + levelOf
        + (run.restart() ? "; partitions resume from their checkpoints" : "");
  }

  @Override
  public void afterJob() {
    BatchRun run = runs.find(runId).orElse(null);
    if (run == null) {
      return;
    }
    if (!run.awaitWrites(CHUNK_WAIT)) {
      LOG.warning(
          "run "
              + runId
              + ": a chunk was still being written "
              + CHUNK_WAIT
              + " after its job ended");
    }
    BatchStatus batch = job.getBatchStatus();
    boolean completed = batch == BatchStatus.COMPLETED || batch == BatchStatus.STARTED;
    try {
      if (launcher.continueAfter(run, JobLevels.parameter(level), completed)) {
        return;
      }
    } catch (RuntimeException e) {
      run.failed(e);
    }
    RunRecord last = run.progress().snapshot();
    try {
      RunStatus status = status(batch, last, run.stopRequested());
      last = last.withStatus(status, clock.instant(), error(status, run, last));
      if (status == RunStatus.SUCCESS && run.sink() instanceof PartitionCommits commits) {
        commits.forgetMarkers(runId);
      }
      records.save(last);
      RunRecord outcome = last;
      run.span().within(() -> records.outcome(outcome, run.traceId()));
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "recording the end of run " + runId + " failed", e);
    } finally {
      runs.remove(run);
      run.sink().close();
      run.span().end(last);
      run.finish(last);
    }
  }

  /**
   * Artifacts may see the final status still as started or stopping; rows settle it then, and a
   * stop requested as one level's job completed (before the next one started) is a cancel.
   */
  private static RunStatus status(BatchStatus batch, RunRecord last, boolean stopRequested) {
    return switch (batch) {
      case COMPLETED, STARTED ->
          last.rowsWritten() >= last.rowsPlanned()
              ? RunStatus.SUCCESS
              : stopRequested ? RunStatus.CANCELLED : RunStatus.FAILED;
      case STOPPED, STOPPING -> RunStatus.CANCELLED;
        // a step waiting on an executor's chunk ends by failing when the stop arrives
      default -> stopRequested ? RunStatus.CANCELLED : RunStatus.FAILED;
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
