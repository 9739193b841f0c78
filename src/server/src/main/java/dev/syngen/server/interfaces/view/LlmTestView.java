package dev.syngen.server.interfaces.view;

import dev.syngen.core.llm.LlmRoute;

/** The answer of a provider test: which model answered, how fast, and what it counted. */
public record LlmTestView(
    String provider,
    boolean ok,
    String model,
    long latencyMs,
    long inputTokens,
    long outputTokens,
    double cost) {
  public static LlmTestView of(String id, LlmRoute.Routed r) {
    return new LlmTestView(
        id,
        true,
        r.answer().model().isEmpty() ? r.provider().model() : r.answer().model(),
        Math.round(r.latencyNanos() / 1e6),
        r.answer().inputTokens(),
        r.answer().outputTokens(),
        r.provider().cost(r.answer().inputTokens(), r.answer().outputTokens()));
  }
}
