package dev.syngen.server.batch;

import dev.syngen.core.engine.RunStatus;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;

/**
 * The job's first step, run by every execution: prepares the target's tables (a restart only adds
 * missing ones), marks the run running and logs which job execution it is.
 */
@Named("syngenPrepareRun")
@Dependent
public class PrepareRunBatchlet extends AbstractBatchlet {
  @Inject JobContext job;
  @Inject BatchRuns runs;
  @Inject BatchRecords records;
  @Inject Clock clock;

  @Inject @BatchProperty String runId;

  @Override
  public String process() {
    BatchRun run = runs.require(runId);
    try {
      run.prepareTarget();
    } catch (RuntimeException e) {
      run.failed(e);
      throw e;
    }
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
    return "PREPARED";
  }
}
