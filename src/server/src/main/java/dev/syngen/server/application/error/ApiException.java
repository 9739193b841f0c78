package dev.syngen.server.application.error;

import jakarta.ejb.ApplicationException;

/**
 * A request that cannot be served as asked — not found, conflicting with the current state, too
 * large — with the HTTP status and a message that says what to do. Rolls back the transaction it
 * ends, and reaches the REST layer unwrapped.
 */
@ApplicationException(rollback = true)
public class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String title;
  private final int retryAfterSeconds;

  public ApiException(int status, String title, String detail) {
    this(status, title, detail, 0);
  }

  /** A refusal the client may retry after {@code retryAfterSeconds} (sent as Retry-After). */
  public ApiException(int status, String title, String detail, int retryAfterSeconds) {
    super(detail);
    this.status = status;
    this.title = title;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  /** 429: this client sends too much; {@code detail} says which limit. */
  public static ApiException tooMany(String detail, int retryAfterSeconds) {
    return new ApiException(429, "Too Many Requests", detail, retryAfterSeconds);
  }

  public static ApiException notFound(String what) {
    return new ApiException(404, "Not Found", what);
  }

  public static ApiException conflict(String detail) {
    return new ApiException(409, "Conflict", detail);
  }

  public int status() {
    return status;
  }

  public String title() {
    return title;
  }

  /** Seconds after which a retry may succeed; 0 when a retry would not help. */
  public int retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
