package dev.syngen.server.interfaces.console;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers, per active run, when its row count last moved, so the console can tell a run that is
 * stuck (no rows for a while) from one that is merely slow.
 */
final class ProgressWatch {
  private record Seen(long rows, Instant since) {}

  private final Map<String, Seen> runs = new ConcurrentHashMap<>();

  /** Records that run {@code id} had generated {@code rows} rows at {@code now}. */
  void observe(String id, long rows, Instant now) {
    runs.compute(id, (k, seen) -> seen != null && seen.rows() == rows ? seen : new Seen(rows, now));
  }

  /** Forgets runs that are no longer active. */
  void retain(Collection<String> active) {
    runs.keySet().retainAll(active);
  }

  /** How long run {@code id}'s row count has not moved; zero if it moved or is unknown. */
  Duration stalled(String id, Instant now) {
    Seen seen = runs.get(id);
    return seen == null ? Duration.ZERO : Duration.between(seen.since(), now);
  }
}
