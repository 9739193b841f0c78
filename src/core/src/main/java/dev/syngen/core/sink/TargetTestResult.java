package dev.syngen.core.sink;

/** The outcome of testing a target's connection and permissions. */
public record TargetTestResult(
    boolean ok,
    long latencyMs,
    String serverVersion,
    boolean canCreate,
    boolean canTruncate,
    boolean canInsert,
    String error) {
  public static TargetTestResult failed(long latencyMs, String error) {
    return new TargetTestResult(false, latencyMs, null, false, false, false, Redactor.text(error));
  }
}
