package dev.syngen.server.interfaces.batch;

import dev.syngen.server.application.batch.BatchRuns;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** The job's first step: creates or checks the target's tables before any partition writes. */
@Named("syngenPrepareRun")
@Dependent
public class PrepareRunBatchlet extends AbstractBatchlet {
  @Inject BatchRuns runs;

  @Inject @BatchProperty String runId;

  @Override
  public String process() {
    runs.require(runId).prepareTarget();
    return "PREPARED";
  }
}
