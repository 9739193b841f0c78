package dev.syngen.server.application.run;

import dev.syngen.core.engine.EntityStats;
import dev.syngen.core.engine.RunListener;
import dev.syngen.core.plan.CompiledEntity;
import dev.syngen.server.infrastructure.logging.LogFields;
import dev.syngen.server.infrastructure.persistence.JpaRunLog;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writes a run's entity milestones into its run log. */
public final class RunLogListener implements RunListener {
  private final JpaRunLog log;
  private final String runId;
  private final String traceId;
  private final Map<String, String> workload;

  /** {@code workload}: the run's fields for the server log ({@link JpaRunLog#workload}). */
  public RunLogListener(JpaRunLog log, String runId, String traceId, Map<String, String> workload) {
    this.log = log;
    this.runId = runId;
    this.traceId = traceId;
    this.workload = workload;
  }

  @Override
  public void entityStarted(CompiledEntity entity, long startRow) {
    String from = startRow == 0 ? "" : " from row " + startRow;
    if (startRow < entity.rows()) {
      log.append(
          runId,
          "INFO",
          entity.name(),
          "writing " + entity.rows() + " rows into " + entity.table() + from,
          traceId,
          workload);
    }
  }

  private Map<String, String> performance(EntityStats stats) {
    Map<String, String> m = new LinkedHashMap<>(workload);
    m.put(LogFields.ROWS, Long.toString(stats.rows()));
    m.put(LogFields.LATENCY_MS, Long.toString(stats.durationMillis()));
    return m;
  }

  @Override
  public void entityFinished(EntityStats stats) {
    if (stats.rows() > 0) {
      log.append(
          runId,
          "INFO",
          stats.entity(),
          "wrote "
              + stats.rows()
              + " rows in "
              + stats.durationMillis()
              + " ms ("
              + Math.round(stats.rowsPerSecond())
              + " rows/s)",
          traceId,
          performance(stats));
    }
  }
}
