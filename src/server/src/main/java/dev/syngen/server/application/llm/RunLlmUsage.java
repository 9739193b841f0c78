package dev.syngen.server.application.llm;

import dev.syngen.core.llm.LlmBudget;
import dev.syngen.core.llm.LlmService;
import dev.syngen.core.llm.LlmUsage;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a run's llm_text columns asked and cost, as stored with the run: the mode it ran in, the
 * totals over all its executions, the requests, tokens and cost of each provider that answered, and
 * the caps it was started with (null when uncapped), which a restart keeps. No key, URL or prompt.
 */
public record RunLlmUsage(
    LlmService.Mode mode,
    LlmUsage.Summary total,
    Map<String, LlmUsage.Summary> providers,
    Caps caps) {
  /**
   * The caps of a run — {@code max_requests}, {@code max_cost}, null where that cap is not set —
   * and what counts against them so far: every request sent (failed ones and retries included,
   * which the usage's answered requests leave out) and its cost, over all the run's executions.
   */
  public record Caps(Long maxRequests, Double maxCost, long sentRequests, double spentCost) {
    /** The caps of {@code budget} and what it has counted, or null when it has no caps. */
    public static Caps of(LlmBudget budget) {
      if (budget == null || !budget.capped()) {
        return null;
      }
      return new Caps(
          budget.maxRequests() == Long.MAX_VALUE ? null : budget.maxRequests(),
          Double.isInfinite(budget.maxCost()) ? null : budget.maxCost(),
          budget.requests(),
          budget.spent());
    }
  }

  private static final LlmUsage.Summary NONE = new LlmUsage.Summary(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

  public RunLlmUsage {
    total = total == null ? NONE : total;
    providers = providers == null ? Map.of() : Map.copyOf(providers);
  }

  /** A run about to send its first request: nothing spent yet, its caps recorded. */
  public static RunLlmUsage starting(LlmService.Mode mode, LlmBudget budget) {
    return new RunLlmUsage(mode, NONE, Map.of(), Caps.of(budget));
  }

  /**
   * This execution's usage added to {@code earlier} (the run's stored usage before a restart, or
   * null): counts, tokens and cost summed; latencies those of the execution that sent requests
   * last.
   */
  public static RunLlmUsage of(
      LlmService.Mode mode, LlmUsage usage, LlmBudget budget, RunLlmUsage earlier) {
    if (earlier == null) {
      return new RunLlmUsage(mode, usage.total(), usage.byProvider(), Caps.of(budget));
    }
    Map<String, LlmUsage.Summary> providers = new TreeMap<>(earlier.providers());
    usage.byProvider().forEach((id, s) -> providers.merge(id, s, RunLlmUsage::plus));
    // a restart's budget counted on from the earlier executions', so it holds the run's whole count
    Caps caps = budget != null && budget.capped() ? Caps.of(budget) : earlier.caps();
    return new RunLlmUsage(mode, plus(earlier.total(), usage.total()), providers, caps);
  }

  /**
   * The budget a restart of this run spends from: the recorded caps, counting on from what earlier
   * executions sent and spent; unlimited when the run had no caps.
   */
  public LlmBudget resumedBudget() {
    return caps == null ? LlmBudget.unlimited() : budget(caps.sentRequests(), caps.spentCost());
  }

  /** The budget of a new run with this run's caps (a rerun): nothing spent yet. */
  public LlmBudget freshBudget() {
    return budget(0, 0);
  }

  private LlmBudget budget(long requests, double spent) {
    if (caps == null) {
      return LlmBudget.unlimited();
    }
    return LlmBudget.resumed(
        caps.maxRequests() == null ? Long.MAX_VALUE : caps.maxRequests(),
        caps.maxCost() == null ? Double.POSITIVE_INFINITY : caps.maxCost(),
        requests,
        spent);
  }

  private static LlmUsage.Summary plus(LlmUsage.Summary a, LlmUsage.Summary b) {
    LlmUsage.Summary latest = b.requests() > 0 ? b : a;
    return new LlmUsage.Summary(
        a.requests() + b.requests(),
        a.cacheHits() + b.cacheHits(),
        a.fallbacks() + b.fallbacks(),
        a.inputTokens() + b.inputTokens(),
        a.outputTokens() + b.outputTokens(),
        a.cost() + b.cost(),
        latest.p50Millis(),
        latest.p95Millis(),
        a.fallbackValues() + b.fallbackValues(),
        latest.p99Millis());
  }
}
