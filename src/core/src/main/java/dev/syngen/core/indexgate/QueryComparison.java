package dev.syngen.core.indexgate;

import java.util.List;

/** One query before and after: latencies, improvement, Sort nodes, scans, cache use and notes. */
public record QueryComparison(
    String name,
    double beforeP50Ms,
    double afterP50Ms,
    double beforeP95Ms,
    double afterP95Ms,
    double improvementPct,
    int sortsBefore,
    int sortsAfter,
    PlanStats before,
    PlanStats after,
    boolean degraded,
    List<String> notes) {
  public QueryComparison {
    notes = List.copyOf(notes);
  }
}
