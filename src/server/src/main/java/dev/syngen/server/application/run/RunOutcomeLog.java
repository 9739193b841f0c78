package dev.syngen.server.application.run;

import dev.syngen.core.engine.RunRecord;
import dev.syngen.server.infrastructure.persistence.JpaRunLog;

/** The last line of every run's log: its outcome and how many of its rows were written. */
public final class RunOutcomeLog {
  private RunOutcomeLog() {}

  public static void append(JpaRunLog runLog, RunRecord last, String traceId) {
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
    runLog.append(last.id(), level, null, message, traceId);
  }
}
