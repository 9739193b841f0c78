package dev.syngen.core.sink;

/** A target refused or failed an operation; the message says which target and what to do. */
public class SinkException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public SinkException(String message, Throwable cause) {
    super(message, cause);
  }

  public SinkException(String message) {
    super(message);
  }

  /** Refuses to open a target whose profile has problems, listing all of them. */
  public static void throwIfInvalid(
      TargetProfile profile, dev.syngen.core.problem.Problems problems) {
    if (!problems.isEmpty()) {
      throw new SinkException("target " + profile + " is invalid: " + problems.list());
    }
  }
}
