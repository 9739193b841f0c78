package dev.syngen.server.application.llm;

import dev.syngen.core.llm.LlmService;
import dev.syngen.core.llm.LlmUsage;
import java.util.Map;

/**
 * What a run's llm_text columns asked and cost, as stored with the run: the mode it ran in, the
 * totals, and the requests, tokens and cost of each provider that answered. No key, URL or prompt.
 */
public record RunLlmUsage(
    LlmService.Mode mode, LlmUsage.Summary total, Map<String, LlmUsage.Summary> providers) {
  public RunLlmUsage {
    providers = providers == null ? Map.of() : Map.copyOf(providers);
  }

  /** A snapshot of {@code usage}. */
  public static RunLlmUsage of(LlmService.Mode mode, LlmUsage usage) {
    return new RunLlmUsage(mode, usage.total(), usage.byProvider());
  }
}
