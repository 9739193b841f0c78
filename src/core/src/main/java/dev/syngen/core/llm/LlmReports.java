package dev.syngen.core.llm;

import dev.syngen.core.plan.CompiledColumn;
import dev.syngen.core.plan.CompiledEntity;
import dev.syngen.core.plan.CompiledPlan;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The LLM estimate of a plan as every front end shows it ({@code run start --plan}, {@code POST
 * /runs/plan}): the run's caps, each llm_text column by {@code entity.column}, and the total.
 */
public final class LlmReports {
  private LlmReports() {}

  /** The estimate of the llm_text columns {@code llm} bound while {@code plan} was compiled. */
  public static Map<String, Object> estimate(CompiledPlan plan, LlmService llm) {
    return estimate(plan, llm.estimate(), llm.budget());
  }

  public static Map<String, Object> estimate(
      CompiledPlan plan, Map<Long, LlmEstimate> est, LlmBudget budget) {
    Map<Long, String> names = names(plan);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("caps", caps(budget));
    Map<String, Object> cols = new LinkedHashMap<>();
    est.forEach((k, e) -> cols.put(names.getOrDefault(k, "(nested)"), estimate(e)));
    m.put("columns", cols);
    m.put("total", estimate(LlmEstimate.total(est.values())));
    return m;
  }

  private static Map<String, Object> estimate(LlmEstimate e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("mode", e.mode());
    m.put("requests", e.requests());
    m.put("cached_requests", e.cachedRequests());
    m.put("input_tokens", e.inputTokens());
    m.put("max_output_tokens", e.outputTokens());
    m.put("max_cost", e.cost());
    if (e.pools() > 0) {
      m.put("pools", e.pools());
    }
    m.put("exact", e.exact());
    return m;
  }

  /** The caps a run was given (none: an empty map). */
  public static Map<String, Object> caps(LlmBudget b) {
    Map<String, Object> caps = new LinkedHashMap<>();
    if (b.maxRequests() != Long.MAX_VALUE) {
      caps.put("max_requests", b.maxRequests());
    }
    if (b.maxCost() != Double.POSITIVE_INFINITY) {
      caps.put("max_cost", b.maxCost());
    }
    return caps;
  }

  /** {@code entity.column} by column stream key. */
  public static Map<Long, String> names(CompiledPlan plan) {
    Map<Long, String> names = new HashMap<>();
    for (CompiledEntity e : plan.entities()) {
      for (CompiledColumn c : e.columns()) {
        names.put(c.key(), e.name() + "." + c.name());
      }
    }
    return names;
  }
}
