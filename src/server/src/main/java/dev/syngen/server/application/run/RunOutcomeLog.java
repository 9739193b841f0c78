package dev.syngen.server.application.run;

import dev.syngen.core.engine.RunRecord;
import dev.syngen.server.infrastructure.logging.JvmUsage;
import dev.syngen.server.infrastructure.logging.LogFields;
import dev.syngen.server.infrastructure.persistence.JpaRunLog;
import java.time.Duration;
import java.util.Map;

/** The last line of every run's log: its outcome and how many of its rows were written. */
public final class RunOutcomeLog {
  private RunOutcomeLog() {}

  public static void append(JpaRunLog runLog, RunRecord last, String traceId) {
    append(runLog, last, traceId, -1);
  }

  /**
   * As {@link #append(JpaRunLog, RunRecord, String)}, with the process CPU time the run's span
   * used: {@code cpuAtStart} is {@link JvmUsage#cpuMillis()} when it began (-1: unknown).
   */
  public static void append(JpaRunLog runLog, RunRecord last, String traceId, long cpuAtStart) {
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
    Map<String, String> fields = JpaRunLog.workload(last);
    fields.put(LogFields.ROWS, Long.toString(last.rowsWritten()));
    if (last.startedAt() != null && last.finishedAt() != null) {
      fields.put(
          LogFields.LATENCY_MS,
          Long.toString(Duration.between(last.startedAt(), last.finishedAt()).toMillis()));
    }
    long cpu = JvmUsage.cpuMillis();
    if (cpuAtStart >= 0 && cpu >= 0) {
      fields.put(LogFields.CPU_MS, Long.toString(cpu - cpuAtStart));
    }
    fields.put(LogFields.HEAP_MB, Long.toString(JvmUsage.heapMb()));
    runLog.append(last.id(), level, null, message, traceId, fields);
  }
}
