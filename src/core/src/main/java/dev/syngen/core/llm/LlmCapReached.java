package dev.syngen.core.llm;

/**
 * A request was not sent because it would take the run over its {@code max_requests} or {@code
 * max_cost}. Not a provider failure: no fallback is tried, the run stops.
 */
public final class LlmCapReached extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public LlmCapReached(String message) {
    super(message);
  }
}
