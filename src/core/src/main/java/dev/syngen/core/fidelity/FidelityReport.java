package dev.syngen.core.fidelity;

import java.time.Instant;
import java.util.List;

/**
 * The outcome of a fidelity check: the verdict with the reasons for it, one summary per table, and
 * every check made.
 */
public record FidelityReport(
    String scenarioId,
    String runId,
    String target,
    Instant checkedAt,
    String band,
    double alpha,
    int sampleRows,
    Verdict verdict,
    List<String> reasons,
    List<TableSummary> tables,
    List<Check> checks,
    List<String> warnings,
    long elapsedMillis) {
  public FidelityReport {
    reasons = List.copyOf(reasons);
    tables = List.copyOf(tables);
    checks = List.copyOf(checks);
    warnings = List.copyOf(warnings);
  }

  /** GO when no check failed. */
  public enum Verdict {
    GO,
    NO_GO;

    public String label() {
      return this == GO ? "GO" : "NO-GO";
    }
  }

  /** Rows expected and found in one table, and how many were sampled for the statistics. */
  public record TableSummary(
      String entity, String table, long expectedRows, long observedRows, int sampledRows) {}
}
