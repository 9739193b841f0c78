package dev.syngen.core.request;

import dev.syngen.core.llm.LlmBudget;
import dev.syngen.core.llm.LlmService;
import dev.syngen.core.plan.RunOverrides;
import dev.syngen.core.sink.TableMode;
import dev.syngen.core.traffic.TrafficRequest;

/**
 * A run request as read from its tree, before anything is looked up: the scenario by id or inline
 * ({@code scenario}: YAML text or a mapping), the target by id or inline (a mapping), the
 * overrides, the scale band, traffic, table mode and parallelism. Absent fields are null (traffic:
 * {@link TrafficRequest#NONE}; LLM caps: none); the front end applies its defaults.
 */
public record RunInput(
    String scenarioId,
    Object scenario,
    String targetId,
    Object target,
    RunOverrides overrides,
    String band,
    TrafficRequest traffic,
    TableMode mode,
    Integer parallelism,
    LlmService.Mode llm,
    LlmBudget llmBudget) {
  public RunInput {
    traffic = traffic == null ? TrafficRequest.NONE : traffic;
    llmBudget = llmBudget == null ? LlmBudget.unlimited() : llmBudget;
  }

  /** A request without LLM caps. */
  public RunInput(
      String scenarioId,
      Object scenario,
      String targetId,
      Object target,
      RunOverrides overrides,
      String band,
      TrafficRequest traffic,
      TableMode mode,
      Integer parallelism,
      LlmService.Mode llm) {
    this(
        scenarioId,
        scenario,
        targetId,
        target,
        overrides,
        band,
        traffic,
        mode,
        parallelism,
        llm,
        null);
  }
}
