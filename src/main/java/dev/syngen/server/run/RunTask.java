package dev.syngen.server.run;

import dev.syngen.core.engine.RunCoordinator;
import dev.syngen.core.engine.RunEngine;
import dev.syngen.core.engine.RunRecord;
import dev.syngen.core.engine.RunStatus;
import dev.syngen.core.sink.Redactor;
import dev.syngen.core.sink.RunContext;
import dev.syngen.core.sink.Sink;
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
  private final ActiveRun handle;

  RunTask(
      RunLauncher launcher,
      RunRecord run,
      PreparedRun prepared,
      Map<String, Long> resume,
      String traceId,
      ActiveRun handle) {
    this.launcher = launcher;
    this.run = run;
    this.prepared = prepared;
    this.resume = resume;
    this.traceId = traceId;
    this.handle = handle;
  }

  @Override
  public void run() {
    if (!handle.begin()) {
      return;
    }
    RunRecord last = run;
    try {
      last = execute();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "run " + run.id() + " failed outside the engine", e);
      last = run.withStatus(RunStatus.FAILED, launcher.clock.instant(), describe(e));
      launcher.repository.save(last);
    } finally {
      try {
        logOutcome(last);
      } finally {
        handle.finish(last);
      }
    }
  }

  private RunRecord execute() {
    // messages carry the run's identity (docs/consumers.md)
    Sink sink = launcher.targets.open(prepared.target(), RunContext.of(prepared.plan(), run.id()));
    RunEngine engine =
        new RunEngine(prepared.parallelism(), launcher.settings.batchSize(), launcher.workers);
    return new RunCoordinator(launcher.repository, launcher.clock)
        .execute(
            run,
            prepared.plan(),
            sink,
            prepared.mode(),
            resume,
            engine,
            new RunLogListener(launcher.runLog, run.id(), traceId),
            handle.token());
  }

  private void logOutcome(RunRecord last) {
    String level =
        switch (last.status()) {
          case SUCCESS -> "INFO";
          case CANCELLED -> "WARN";
          default -> "ERROR";
        };
    String message =
        "run "
            + last.status().label()
            + ": "
            + last.rowsWritten()
            + " of "
            + last.rowsPlanned()
            + " rows written"
            + (last.error() == null ? "" : "; " + last.error());
    launcher.runLog.append(run.id(), level, null, message, traceId);
  }

  private static String describe(RuntimeException e) {
    return Redactor.text(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
  }
}
