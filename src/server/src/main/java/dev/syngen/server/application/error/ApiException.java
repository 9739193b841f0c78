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

  public ApiException(int status, String title, String detail) {
    super(detail);
    this.status = status;
    this.title = title;
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
}
