package dev.syngen.core.llm;

import java.time.Duration;

/**
 * A provider did not answer with a usable completion. {@code status} is the HTTP status (0 for a
 * connection failure or timeout); {@code retryAfter} is what a 429 or 503 asked us to wait, or
 * null. Messages never hold the API key.
 */
public final class ChatFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final transient Duration retryAfter;

  public ChatFailure(int status, Duration retryAfter, String message) {
    super(message);
    this.status = status;
    this.retryAfter = retryAfter;
  }

  public int status() {
    return status;
  }

  public Duration retryAfter() {
    return retryAfter;
  }

  /** Whether asking again may succeed: connection failures, timeouts, 408, 429 and 5xx. */
  public boolean transientFailure() {
    return status == 0 || status == 408 || status == 429 || status >= 500;
  }
}
