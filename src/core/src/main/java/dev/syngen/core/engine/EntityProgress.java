package dev.syngen.core.engine;

/**
 * One entity's part of a run record: planned and written rows, how long it took, and the bytes
 * written (0 when the target does not report sizes).
 */
public record EntityProgress(
    String entity,
    String table,
    long rowsPlanned,
    long rowsWritten,
    long durationMillis,
    long bytesWritten) {
  public EntityProgress(
      String entity, String table, long rowsPlanned, long rowsWritten, long durationMillis) {
    this(entity, table, rowsPlanned, rowsWritten, durationMillis, 0);
  }

  /** The achieved rate in rows per second; 0 before any time has passed. */
  public double rowsPerSecond() {
    return durationMillis == 0 ? 0 : rowsWritten * 1000.0 / durationMillis;
  }

  /** The achieved rate in bytes per second; 0 when sizes are unknown. */
  public double bytesPerSecond() {
    return durationMillis == 0 ? 0 : bytesWritten * 1000.0 / durationMillis;
  }
}
