package dev.syngen.core.llm;

/**
 * A request was not sent because it would take the run over its {@code max_requests} or {@code
 * max_cost}. Not a provider failure: no fallback is tried, the run stops.
 */
public final class LlmCapReached extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String field;

  /** {@code field}: the run request field or column parameter of the cap (max_requests, …). */
  public LlmCapReached(String field, String message) {
    super(message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
