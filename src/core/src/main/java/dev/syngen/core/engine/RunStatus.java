package dev.syngen.core.engine;

/** The life cycle of a run. */
public enum RunStatus {
  PENDING,
  RUNNING,
  SUCCESS,
  FAILED,
  CANCELLED;

  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  public static RunStatus parse(String s) {
    return valueOf(s.trim().toUpperCase(java.util.Locale.ROOT));
  }
}
