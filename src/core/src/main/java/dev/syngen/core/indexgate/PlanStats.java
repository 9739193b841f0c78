package dev.syngen.core.indexgate;

import java.util.List;
import java.util.Map;

/**
 * What one {@code EXPLAIN ANALYZE} of a query shows: planning and execution time, rows returned,
 * the Sort nodes (PostgreSQL's Sort and Incremental Sort, MariaDB's filesort), the scans by type
 * ({@code seq}, {@code index}, {@code index_only}, {@code bitmap}), the indexes used, and the
 * blocks (pages) found in the cache ({@code hit}) or read from disk ({@code read}).
 */
public record PlanStats(
    double planningMs,
    double executionMs,
    long rows,
    int sortNodes,
    Map<String, Integer> scans,
    List<String> indexes,
    long sharedHit,
    long sharedRead) {
  /** The scan types, as keys of {@link #scans}. */
  public static final List<String> SCAN_TYPES = List.of("seq", "index", "index_only", "bitmap");

  public PlanStats {
    scans = Map.copyOf(scans);
    indexes = List.copyOf(indexes);
  }

  public int scans(String type) {
    return scans.getOrDefault(type, 0);
  }
}
