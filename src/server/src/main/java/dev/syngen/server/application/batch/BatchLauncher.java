package dev.syngen.server.application.batch;

import dev.syngen.core.engine.RowPartition;
import dev.syngen.core.engine.RowPartitions;
import dev.syngen.core.engine.RunListener;
import dev.syngen.core.engine.RunRecord;
import dev.syngen.core.engine.RunStatus;
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
import dev.syngen.server.infrastructure.tracing.RunSpan;
import dev.syngen.server.infrastructure.tracing.RunTracing;
import jakarta.annotation.Resource;
import jakarta.batch.operations.JobExecutionNotRunningException;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Starts, restarts and stops the Jakarta Batch jobs {@value #JOB} that execute big runs. A run is
 * one job instance per dependency level (see {@link JobLevels}): each prepares the target (once per
 * run and server) and writes its level's (entity, row range) partitions in one partitioned chunk
 * step, checkpointing every {@code syngen.batch.checkpoint-rows} rows; when a level's job
 * completes, {@link #continueAfter} starts the next level's.
 */
@ApplicationScoped
public class BatchLauncher {
  public static final String JOB = "syngen-run";

  private static final Logger LOG = Logger.getLogger(BatchLauncher.class.getName());

  /** The threads that encode a file target's batches: the pool executor runs use too. */
  @Resource(lookup = "concurrent/syngenWorkers")
  ManagedThreadFactory workers;

  @Inject BatchSettings batch;
  @Inject SyngenSettings settings;
  @Inject BatchRuns runs;
  @Inject BatchRecords records;
  @Inject JpaBatchJobs jobs;
  @Inject JpaRunLog runLog;
  @Inject TargetGateway gateway;
  @Inject SyngenMetrics metrics;
  @Inject RunTracing tracing;
  @Inject Clock clock;

  /**
   * Whether a run executes as batch jobs: a new run above the threshold without traffic shaping
   * (which paces one ordered stream) or llm_text columns, with any number of dependency levels, or
   * a restart of a run that already is one.
   */
  public boolean takes(RunRecord run, PreparedRun prepared, Map<String, Long> resume) {
    if (!resume.isEmpty()) {
      return isBatchRun(run.id());
    }
    return prepared.plan().totalRows() > batch.thresholdRows()
        && !prepared.traffic().any()
        && !prepared.llm().used();
  }

  /**
   * Why a new run above the threshold stays on the executor, for its log; empty when it does not.
   * Traffic shaping (a rate or duration paces one ordered stream) and llm_text columns are the
   * reasons.
   */
  public Optional<String> executorReason(PreparedRun prepared) {
    if (prepared.plan().totalRows() > batch.thresholdRows() && prepared.llm().used()) {
      return Optional.of(
          "runs on the run executor, not as a Jakarta Batch job, although it plans more than"
              + " syngen.batch.threshold-rows ("
              + batch.thresholdRows()
              + ") rows: its llm_text columns share one set of provider limits, circuits and"
              + " usage counts");
    }
    if (prepared.plan().totalRows() > batch.thresholdRows() && prepared.traffic().any()) {
      return Optional.of(
          "runs on the run executor, not as a Jakarta Batch job, although it plans more than"
              + " syngen.batch.threshold-rows ("
              + batch.thresholdRows()
              + ") rows: its traffic (rate or duration) paces one ordered stream");
    }
    return Optional.empty();
  }

  /** Whether the run executes (or executed) as a batch job. */
  public boolean isBatchRun(String runId) {
    return jobs.executionOf(runId).isPresent();
  }

  /**
   * Starts the run's first level, or restarts it where its latest job left off; {@code finished}
   * gets its end. The run's span starts here, a child of the current request's, and ends with the
   * run (or here, when no job starts).
   */
  public void submit(
      RunRecord run, PreparedRun prepared, String traceId, Consumer<RunRecord> finished) {
    RunSpan span = tracing.startBatchRun(run, tracing.current());
    try {
      submit(run, prepared, traceId, span, finished);
    } catch (RuntimeException e) {
      span.end(run.withStatus(RunStatus.FAILED, clock.instant(), null));
      throw e;
    }
  }

  private void submit(
      RunRecord run,
      PreparedRun prepared,
      String traceId,
      RunSpan span,
      Consumer<RunRecord> finished) {
    OptionalLong previous = jobs.executionOf(run.id());
    Sink sink =
        span.sampledWrites(
            gateway.open(
                prepared.target(),
                prepared
                    .traffic()
                    .context(prepared.plan(), run.id())
                    .withTraceparent(span.traceparent())));
    BatchRun batchRun;
    try {
      batchRun = batchRun(run, prepared, sink, traceId, span, previous.isPresent(), finished);
    } catch (RuntimeException e) {
      sink.close();
      throw e;
    }
    runs.add(batchRun);
    try {
      JobOperator operator = BatchRuntime.getJobOperator();
      if (previous.isPresent()) {
        long latest = previous.getAsLong();
        JobLevels.Resume resume =
            batchRun
                .levels()
                .resume(
                    JobLevels.parameter(
                        operator.getParameters(latest).getProperty(JobLevels.PARAMETER)),
                    operator.getJobExecution(latest).getBatchStatus() == BatchStatus.COMPLETED);
        Properties params = parameters(run.id(), resume.level());
        params.setProperty("restart", "true");
        launched(
            batchRun,
            resume.restartLatest()
                ? operator.restart(latest, params)
                : operator.start(JOB, params));
      } else {
        launched(batchRun, operator.start(JOB, parameters(run.id(), OptionalInt.of(0))));
      }
    } catch (RuntimeException e) {
      runs.remove(batchRun);
      sink.close();
      throw e;
    }
  }

  /**
   * Called when the run's job of {@code level} (empty: a job of every level) ends: starts the next
   * level's job if this one {@code completed} with all its rows and no stop was requested. False
   * when the run ends here; its error then says why if the next job did not start.
   */
  public boolean continueAfter(BatchRun run, OptionalInt level, boolean completed) {
    OptionalInt next =
        run.levels()
            .next(
                level,
                completed && level.isPresent() && run.written(level.getAsInt()),
                run.stopRequested());
    if (next.isEmpty()) {
      return false;
    }
    try {
      Properties params = parameters(run.id(), next);
      launched(run, BatchRuntime.getJobOperator().start(JOB, params));
      return true;
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "the job of level " + next.getAsInt() + " did not start", e);
      run.failed(
          new IllegalStateException(
              "the batch job of dependency level "
                  + next.getAsInt()
                  + " did not start: "
                  + (e.getMessage() == null ? e.toString() : e.getMessage())));
      return false;
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

  private void launched(BatchRun run, long execution) {
    run.executing(execution);
    jobs.recordExecution(
        run.id(),
        BatchRuntime.getJobOperator().getJobInstance(execution).getInstanceId(),
        execution);
    if (run.stopRequested()) {
      stop(run.id());
    }
  }

  private static Properties parameters(String runId, OptionalInt level) {
    Properties params = new Properties();
    params.setProperty("runId", runId);
    level.ifPresent(l -> params.setProperty(JobLevels.PARAMETER, Integer.toString(l)));
    return params;
  }

  private BatchRun batchRun(
      RunRecord run,
      PreparedRun prepared,
      Sink sink,
      String traceId,
      RunSpan span,
      boolean restart,
      Consumer<RunRecord> finished) {
    long perPartition = sink instanceof PartitionCommits ? batch.partitionRows() : Long.MAX_VALUE;
    Map<String, Integer> levels = levels(prepared);
    List<RowPartition> partitions = RowPartitions.of(prepared.plan(), levels, perPartition);
    BatchProgress progress =
        new BatchProgress(
            run,
            restart ? jobs.partitions(run.id()) : List.of(),
            RunListener.of(
                new RunLogListener(runLog, run.id(), traceId, JpaRunLog.workload(run)),
                metrics.listener(prepared.target().kind()),
                span.entities()),
            records::save);
    return new BatchRun(
        run,
        prepared,
        sink,
        traceId,
        span,
        restart,
        partitions,
        JobLevels.of(levels.values()),
        settings.batchSize(),
        workers,
        progress,
        finished);
  }

  private static Map<String, Integer> levels(PreparedRun prepared) {
    Scenario scenario =
        ScenarioDocuments.read(prepared.scenarioDocument(), "inline", "", new Problems());
    return DependencyLevels.of(scenario, prepared.plan());
  }
}
