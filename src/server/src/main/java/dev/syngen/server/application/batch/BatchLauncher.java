package dev.syngen.server.application.batch;

import dev.syngen.core.engine.RowPartition;
import dev.syngen.core.engine.RowPartitions;
import dev.syngen.core.engine.RunListener;
import dev.syngen.core.engine.RunRecord;
import dev.syngen.core.plan.DependencyLevels;
import dev.syngen.core.problem.Problems;
import dev.syngen.core.scenario.Scenario;
import dev.syngen.core.sink.PartitionCommits;
import dev.syngen.core.sink.Sink;
import dev.syngen.server.application.run.PreparedRun;
import dev.syngen.server.application.run.RunLogListener;
import dev.syngen.server.application.scenario.ScenarioDocuments;
import dev.syngen.server.application.target.TargetGateway;
import dev.syngen.server.infrastructure.config.SyngenSettings;
import dev.syngen.server.infrastructure.metrics.SyngenMetrics;
import dev.syngen.server.infrastructure.persistence.JpaBatchJobs;
import dev.syngen.server.infrastructure.persistence.JpaRunLog;
import jakarta.batch.operations.JobExecutionNotRunningException;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * Starts, restarts and stops the Jakarta Batch job {@value #JOB} that executes big runs: one step
 * prepares the target, then one partitioned chunk step per dependency level writes that level's
 * (entity, row range) partitions, checkpointing every {@code syngen.batch.checkpoint-rows} rows.
 */
@ApplicationScoped
public class BatchLauncher {
  public static final String JOB = "syngen-run";

  /** The level steps declared in META-INF/batch-jobs/syngen-run.xml. */
  static final int MAX_LEVELS = 8;

  private static final Logger LOG = Logger.getLogger(BatchLauncher.class.getName());

  @Inject BatchSettings batch;
  @Inject SyngenSettings settings;
  @Inject BatchRuns runs;
  @Inject BatchRecords records;
  @Inject JpaBatchJobs jobs;
  @Inject JpaRunLog runLog;
  @Inject TargetGateway gateway;
  @Inject SyngenMetrics metrics;

  /**
   * Whether a run executes as a batch job: a new run above the threshold (with at most {@value
   * #MAX_LEVELS} dependency levels and no traffic shaping, which paces one ordered stream), or a
   * restart of a run that already is one.
   */
  public boolean takes(RunRecord run, PreparedRun prepared, Map<String, Long> resume) {
    if (!resume.isEmpty()) {
      return isBatchRun(run.id());
    }
    return prepared.plan().totalRows() > batch.thresholdRows()
        && !prepared.traffic().any()
        && levels(prepared).values().stream().allMatch(l -> l < MAX_LEVELS);
  }

  /** Whether the run executes (or executed) as a batch job. */
  public boolean isBatchRun(String runId) {
    return jobs.executionOf(runId).isPresent();
  }

  /** Starts the run's job, or restarts it from its checkpoints; {@code finished} gets its end. */
  public void submit(
      RunRecord run, PreparedRun prepared, String traceId, Consumer<RunRecord> finished) {
    OptionalLong previous = jobs.executionOf(run.id());
    Sink sink =
        gateway.open(prepared.target(), prepared.traffic().context(prepared.plan(), run.id()));
    BatchRun batchRun;
    try {
      batchRun = batchRun(run, prepared, sink, traceId, previous.isPresent(), finished);
    } catch (RuntimeException e) {
      sink.close();
      throw e;
    }
    runs.add(batchRun);
    try {
      JobOperator operator = BatchRuntime.getJobOperator();
      Properties params = new Properties();
      params.setProperty("runId", run.id());
      long execution;
      if (previous.isPresent()) {
        params.setProperty("restart", "true");
        execution = operator.restart(previous.getAsLong(), params);
      } else {
        execution = operator.start(JOB, params);
      }
      batchRun.executing(execution);
      jobs.recordExecution(run.id(), operator.getJobInstance(execution).getInstanceId(), execution);
      if (batchRun.stopRequested()) {
        stop(run.id());
      }
    } catch (RuntimeException e) {
      runs.remove(batchRun);
      sink.close();
      throw e;
    }
  }

  /** Asks the run's job to stop at its next checkpoint; false if this server is not running it. */
  public boolean stop(String runId) {
    BatchRun run = runs.find(runId).orElse(null);
    if (run == null) {
      return false;
    }
    run.requestStop();
    if (run.executionId() > 0) {
      try {
        BatchRuntime.getJobOperator().stop(run.executionId());
      } catch (JobExecutionNotRunningException e) {
        LOG.info("batch job execution " + run.executionId() + " of run " + runId + " has ended");
      }
    }
    return true;
  }

  private BatchRun batchRun(
      RunRecord run,
      PreparedRun prepared,
      Sink sink,
      String traceId,
      boolean restart,
      Consumer<RunRecord> finished) {
    long perPartition = sink instanceof PartitionCommits ? batch.partitionRows() : Long.MAX_VALUE;
    List<RowPartition> partitions =
        RowPartitions.of(prepared.plan(), levels(prepared), perPartition);
    BatchProgress progress =
        new BatchProgress(
            run,
            restart ? jobs.partitions(run.id()) : List.of(),
            RunListener.of(
                new RunLogListener(runLog, run.id(), traceId),
                metrics.listener(prepared.target().kind())),
            records::save);
    return new BatchRun(
        run,
        prepared,
        sink,
        traceId,
        restart,
        partitions,
        settings.batchSize(),
        progress,
        finished);
  }

  private static Map<String, Integer> levels(PreparedRun prepared) {
    Scenario scenario =
        ScenarioDocuments.read(prepared.scenarioDocument(), "inline", "", new Problems());
    return DependencyLevels.of(scenario, prepared.plan());
  }
}
