package dev.syngen.core.engine;

/**
 * What one entity's part of a run did; {@code bytes} is 0 when the target does not report sizes.
 */
public record EntityStats(String entity, String table, long rows, long durationMillis, long bytes) {
  public EntityStats(String entity, String table, long rows, long durationMillis) {
    this(entity, table, rows, durationMillis, 0);
  }

  public double rowsPerSecond() {
    return durationMillis == 0 ? rows * 1000.0 : rows * 1000.0 / durationMillis;
  }
}
