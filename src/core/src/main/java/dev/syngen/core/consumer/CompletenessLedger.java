package dev.syngen.core.consumer;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The tallies of the (run, entity) pairs a consumer is receiving, at most {@code maxTallies} of
 * them (the least recently used is dropped first), each tracking at most {@code maxRows} rows: at
 * most {@code maxTallies × maxRows / 8} bytes of bitmaps. Thread-safe.
 */
public final class CompletenessLedger {
  /**
   * What a message changed: whether it repeated a row already received, and whether the entity's
   * check (null when not reported) should be reported.
   */
  public record Update(boolean repeat, ConsumerCheck check, boolean report) {}

  private record Key(String runId, String entity) {}

  private final int maxRows;
  private final Map<Key, EntityTally> tallies;

  public CompletenessLedger(int maxTallies, int maxRows) {
    if (maxTallies < 1 || maxRows < 1) {
      throw new IllegalArgumentException("maxTallies and maxRows must be at least 1");
    }
    this.maxRows = maxRows;
    this.tallies =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<Key, EntityTally> eldest) {
            return size() > maxTallies;
          }
        };
  }

  /**
   * Counts one record. Records before the end-of-entity message are reported with it; one arriving
   * after it (consumers on several threads may see them late) is reported when it completes the
   * entity or repeats a row.
   */
  public Update record(String runId, String entity, long row) {
    EntityTally t = tally(runId, entity);
    boolean fresh = t.record(row);
    if (!t.ended()) {
      return new Update(!fresh, null, false);
    }
    ConsumerCheck c = t.check();
    boolean report = !fresh || c.complete();
    return new Update(!fresh, report ? c : null, report);
  }

  /** Notes the end-of-entity message with the entity's row count; always reported. */
  public Update end(String runId, String entity, long rows) {
    EntityTally t = tally(runId, entity);
    t.end(rows);
    return new Update(false, t.check(), true);
  }

  private EntityTally tally(String runId, String entity) {
    Key key = new Key(runId, entity);
    synchronized (tallies) {
      return tallies.computeIfAbsent(key, k -> new EntityTally(runId, entity, maxRows));
    }
  }
}
