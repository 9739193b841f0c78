package dev.syngen.server.interfaces.view;

import dev.syngen.core.llm.LlmUsage;
import dev.syngen.server.application.llm.RunLlmUsage;
import java.util.Map;
import java.util.TreeMap;

/**
 * A run's LLM usage as the API shows it: the mode, the totals (requests sent, cache hits, answers
 * from a fallback, tokens as the providers counted them, estimated cost, request latency) and the
 * same per provider that answered, summed over the run's executions; and for a capped run its caps
 * ({@code max_requests}, {@code max_cost}) with what counts against them ({@code requests_sent}:
 * every request sent, failed ones included; {@code cost_spent}) — all null for an uncapped run.
 */
public record LlmUsageView(
    String mode,
    Counts total,
    Map<String, Counts> providers,
    Long maxRequests,
    Double maxCost,
    Long requestsSent,
    Double costSpent) {
  /** One set of counts; latencies in milliseconds, 0 when nothing was sent. */
  public record Counts(
      long requests,
      long cacheHits,
      long fallbacks,
      long inputTokens,
      long outputTokens,
      double cost,
      double p50Millis,
      double p95Millis) {
    static Counts of(LlmUsage.Summary s) {
      return new Counts(
          s.requests(),
          s.cacheHits(),
          s.fallbacks(),
          s.inputTokens(),
          s.outputTokens(),
          s.cost(),
          s.p50Millis(),
          s.p95Millis());
    }
  }

  public static LlmUsageView of(RunLlmUsage u) {
    Map<String, Counts> providers = new TreeMap<>();
    u.providers().forEach((id, s) -> providers.put(id, Counts.of(s)));
    return new LlmUsageView(
        u.mode().name().toLowerCase(java.util.Locale.ROOT),
        Counts.of(u.total()),
        providers,
        u.caps() == null ? null : u.caps().maxRequests(),
        u.caps() == null ? null : u.caps().maxCost(),
        u.caps() == null ? null : u.caps().sentRequests(),
        u.caps() == null ? null : u.caps().spentCost());
  }
}
