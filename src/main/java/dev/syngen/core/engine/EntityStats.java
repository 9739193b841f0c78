package dev.syngen.core.engine;

/** What one entity's part of a run did. */
public record EntityStats(String entity, String table, long rows, long durationMillis) {
  public double rowsPerSecond() {
    return durationMillis == 0 ? rows * 1000.0 : rows * 1000.0 / durationMillis;
  }
}
