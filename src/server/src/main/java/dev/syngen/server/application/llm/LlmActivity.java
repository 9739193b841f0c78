package dev.syngen.server.application.llm;

import dev.syngen.core.llm.LlmUsage;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the server's runs asked of LLM providers over recent days: per UTC day the runs with
 * llm_text columns, requests, cache hits, fallbacks, tokens and estimated cost; per provider the
 * same summed; and the runs a guided prompt should name (fallbacks used, a cap nearly spent).
 */
public record LlmActivity(List<Day> days, Map<String, Day> providers, List<RunUsage> runs) {
  /** Share of a cap after which a run counts as near it. */
  public static final double NEAR_CAP = 0.8;

  /** One run's stored usage and when it was created. */
  public record RunUsage(String runId, String scenario, Instant createdAt, RunLlmUsage usage) {
    /** The larger share of its caps the run has spent (0 without caps). */
    public double capShare() {
      RunLlmUsage.Caps c = usage.caps();
      if (c == null) {
        return 0;
      }
      double share = 0;
      if (c.maxRequests() != null && c.maxRequests() > 0) {
        share = Math.max(share, c.sentRequests() / (double) c.maxRequests());
      }
      if (c.maxCost() != null && c.maxCost() > 0) {
        share = Math.max(share, c.spentCost() / c.maxCost());
      }
      return share;
    }
  }

  /** Counts of one day or one provider. */
  public record Day(
      String label,
      long runs,
      long requests,
      long cacheHits,
      long fallbacks,
      long inputTokens,
      long outputTokens,
      double cost) {
    Day plus(long runCount, LlmUsage.Summary s) {
      return new Day(
          label,
          runs + runCount,
          requests + s.requests(),
          cacheHits + s.cacheHits(),
          fallbacks + s.fallbacks(),
          inputTokens + s.inputTokens(),
          outputTokens + s.outputTokens(),
          cost + s.cost());
    }
  }

  /**
   * The activity of {@code runs} over the {@code days} UTC days ending with {@code today}: every
   * day listed, oldest first, also the days without a run.
   */
  public static LlmActivity of(List<RunUsage> runs, LocalDate today, int days) {
    Map<LocalDate, Day> byDay = new TreeMap<>();
    for (int i = days - 1; i >= 0; i--) {
      LocalDate d = today.minusDays(i);
      byDay.put(d, new Day(d.toString(), 0, 0, 0, 0, 0, 0, 0));
    }
    Map<String, Day> providers = new TreeMap<>();
    List<RunUsage> kept = new ArrayList<>();
    for (RunUsage r : runs) {
      LocalDate d = r.createdAt().atZone(ZoneOffset.UTC).toLocalDate();
      if (!byDay.containsKey(d)) {
        continue;
      }
      kept.add(r);
      byDay.computeIfPresent(d, (k, day) -> day.plus(1, r.usage().total()));
      r.usage()
          .providers()
          .forEach(
              (id, s) ->
                  providers.merge(
                      id, new Day(id, 0, 0, 0, 0, 0, 0, 0).plus(1, s), LlmActivity::sum));
    }
    kept.sort((a, b) -> b.createdAt().compareTo(a.createdAt()));
    return new LlmActivity(List.copyOf(byDay.values()), providers, List.copyOf(kept));
  }

  /** The highest daily cost, for scaling the chart (at least a tiny positive number). */
  public double maxDailyCost() {
    return Math.max(1e-9, days.stream().mapToDouble(Day::cost).max().orElse(0));
  }

  /** The period's totals. */
  public Day total() {
    return days.stream().reduce(new Day("total", 0, 0, 0, 0, 0, 0, 0), LlmActivity::sum);
  }

  private static Day sum(Day a, Day b) {
    return new Day(
        a.label(),
        a.runs() + b.runs(),
        a.requests() + b.requests(),
        a.cacheHits() + b.cacheHits(),
        a.fallbacks() + b.fallbacks(),
        a.inputTokens() + b.inputTokens(),
        a.outputTokens() + b.outputTokens(),
        a.cost() + b.cost());
  }
}
