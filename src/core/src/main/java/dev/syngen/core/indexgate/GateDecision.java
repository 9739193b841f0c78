package dev.syngen.core.indexgate;

import dev.syngen.core.fidelity.FidelityReport.Verdict;
import java.time.Instant;
import java.util.List;

/**
 * The gate's decision over a before and an after baseline: GO or NO-GO with the reasons, the three
 * figures it rests on, and every query compared.
 */
public record GateDecision(
    Verdict verdict,
    List<String> reasons,
    double averageImprovementPct,
    int sortsBefore,
    int sortsAfter,
    double sortsEliminatedPct,
    int degraded,
    Thresholds thresholds,
    Dialect dialect,
    String target,
    List<String> ddl,
    Instant decidedAt,
    List<QueryComparison> queries) {
  public GateDecision {
    reasons = List.copyOf(reasons);
    ddl = List.copyOf(ddl);
    queries = List.copyOf(queries);
  }
}
