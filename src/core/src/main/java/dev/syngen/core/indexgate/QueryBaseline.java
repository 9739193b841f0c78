package dev.syngen.core.indexgate;

import java.util.List;

/**
 * One query measured: after {@code warmup} unmeasured executions, {@code latenciesMs} holds the
 * planning plus execution time of each measured {@code EXPLAIN ANALYZE}, summarised as p50 and p95;
 * {@code stats} and {@code plan} (the database's JSON plan, as it printed it) are those of the last
 * measured execution, when the cache is warm.
 */
public record QueryBaseline(
    String name,
    String description,
    String sql,
    List<Double> latenciesMs,
    double planningP50Ms,
    double planningP95Ms,
    double executionP50Ms,
    double executionP95Ms,
    double latencyP50Ms,
    double latencyP95Ms,
    PlanStats stats,
    String plan) {
  public QueryBaseline {
    latenciesMs = List.copyOf(latenciesMs);
  }
}
