package dev.syngen.server.application.run;

import dev.syngen.core.engine.RunCoordinator;
import dev.syngen.core.engine.RunEngine;
import dev.syngen.core.engine.RunListener;
import dev.syngen.core.engine.RunRecord;
import dev.syngen.core.engine.RunRepository;
import dev.syngen.core.engine.RunStatus;
import dev.syngen.core.sink.Redactor;
import dev.syngen.core.sink.RunContext;
import dev.syngen.core.sink.Sink;
import dev.syngen.core.traffic.TrafficRequest;
import dev.syngen.server.application.llm.RunLlmUsage;
import dev.syngen.server.infrastructure.llm.RunLlm;
import dev.syngen.server.infrastructure.logging.JvmUsage;
import dev.syngen.server.infrastructure.persistence.JpaRunLog;
import dev.syngen.server.infrastructure.tracing.RunSpan;
import dev.syngen.server.infrastructure.tracing.TraceParent;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/** One run executing on the managed executor: open the target, run the engine, log the outcome. */
final class RunTask implements Runnable {
  private static final Logger LOG = Logger.getLogger(RunTask.class.getName());

  private final RunLauncher launcher;
  private final RunRecord run;
  private final PreparedRun prepared;
  private final Map<String, Long> resume;
  private final String traceId;
  private final TraceParent parent;
  private final ActiveRun handle;

  RunTask(
      RunLauncher launcher,
      RunRecord run,
      PreparedRun prepared,
      Map<String, Long> resume,
      String traceId,
      TraceParent parent,
      ActiveRun handle) {
    this.launcher = launcher;
    this.run = run;
    this.prepared = prepared;
    this.resume = resume;
    this.traceId = traceId;
    this.parent = parent;
    this.handle = handle;
  }

  @Override
  public void run() {
    if (!handle.begin()) {
      return;
    }
    long cpuAtStart = JvmUsage.cpuMillis();
    RunLlmUsage earlier = recordLlmStart();
    RunSpan span = launcher.tracing.startRun(run, parent);
    RunRecord last = run;
    try {
      last = execute(span, earlier);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "run " + run.id() + " failed outside the engine", e);
      last = run.withStatus(RunStatus.FAILED, launcher.clock.instant(), describe(e));
      storeLlmUsage(earlier);
      launcher.repository.save(last);
    } finally {
      try {
        closeLlm();
        launcher.metrics.runFinished(last);
        RunOutcomeLog.append(launcher.runLog, last, traceId, cpuAtStart);
      } finally {
        span.end(last);
        handle.finish(last);
      }
    }
  }

  private RunRecord execute(RunSpan span, RunLlmUsage earlier) {
    TrafficRequest traffic = prepared.traffic();
    RunContext context =
        traffic.context(prepared.plan(), run.id()).withTraceparent(span.traceparent());
    String kind = prepared.target().kind();
    Sink sink =
        span.sampledWrites(
            launcher.metrics.metered(
                () -> launcher.gateway.open(prepared.target(), context), kind));
    RunEngine engine =
        new RunEngine(
            prepared.parallelism(),
            launcher.settings.batchSize(),
            traffic.traffic(prepared.plan()),
            launcher.workers);
    RunRecord finished =
        new RunCoordinator(
                llmUsageFirst(TargetCommits.recording(launcher.repository), earlier),
                launcher.clock)
            .execute(
                run,
                prepared.plan(),
                sink,
                prepared.mode(),
                resume,
                engine,
                RunListener.of(
                    new RunLogListener(launcher.runLog, run.id(), traceId, JpaRunLog.workload(run)),
                    launcher.metrics.listener(kind),
                    span.entities()),
                handle.token());
    return TargetCommits.committed(finished);
  }

  /**
   * Before the first request: stores the run's LLM mode and caps (so a restart after a crash keeps
   * them) unless an earlier execution did; returns what earlier executions stored, or null.
   */
  private RunLlmUsage recordLlmStart() {
    RunLlm llm = prepared.llm();
    if (!llm.used()) {
      return null;
    }
    try {
      RunLlmUsage earlier = launcher.llmUsage.find(run.id()).orElse(null);
      if (earlier == null) {
        launcher.llmUsage.save(run.id(), RunLlmUsage.starting(llm.mode(), llm.budget()));
      }
      return earlier;
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "run " + run.id() + ": its LLM caps could not be stored", e);
      return null;
    }
  }

  /**
   * {@code repository}, storing what the run's llm_text columns asked and cost just before the
   * run's final record: whoever sees the run ended finds its usage complete.
   */
  private RunRepository llmUsageFirst(RunRepository repository, RunLlmUsage earlier) {
    return repository.savingThrough(
        record -> {
          if (record.status() != RunStatus.RUNNING && record.status() != RunStatus.PENDING) {
            storeLlmUsage(earlier);
          }
          return record;
        });
  }

  /**
   * Stores what the run's llm_text columns asked and cost, added to what earlier executions did.
   */
  private void storeLlmUsage(RunLlmUsage earlier) {
    RunLlm llm = prepared.llm();
    try {
      llm.usage()
          .ifPresent(
              u ->
                  launcher.llmUsage.save(
                      run.id(), RunLlmUsage.of(llm.mode(), u, llm.budget(), earlier)));
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "run " + run.id() + ": its LLM usage could not be stored", e);
    }
  }

  /** Stops the request threads of the run's llm_text columns. */
  private void closeLlm() {
    prepared.llm().close();
  }

  private static String describe(RuntimeException e) {
    return Redactor.text(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
  }
}
