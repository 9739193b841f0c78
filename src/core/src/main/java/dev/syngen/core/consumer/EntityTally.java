package dev.syngen.core.consumer;

import java.util.BitSet;

/**
 * The distinct row indexes one consumer has seen of one (run, entity), as a bitmap (a million rows
 * take 128 KB), the repeats, and the row count of the end-of-entity message once it arrived. Rows
 * at or above {@code maxRows} are only counted, keeping memory bounded. Thread-safe.
 */
final class EntityTally {
  private final String runId;
  private final String entity;
  private final int maxRows;
  private final BitSet seen = new BitSet();
  private long received;
  private long duplicates;
  private long untracked;
  private long invalid;
  private Long expected;

  EntityTally(String runId, String entity, int maxRows) {
    this.runId = runId;
    this.entity = entity;
    this.maxRows = maxRows;
  }

  /** Counts one record; false if it repeats a row already received (or is no row at all). */
  synchronized boolean record(long row) {
    if (row < 0) {
      invalid++;
      return false;
    }
    if (row >= maxRows) {
      untracked++;
      return true;
    }
    int r = (int) row;
    if (seen.get(r)) {
      duplicates++;
      return false;
    }
    seen.set(r);
    received++;
    return true;
  }

  /** Notes the end-of-entity row count; a repeated end message changes nothing. */
  synchronized void end(long rows) {
    expected = rows;
  }

  synchronized boolean ended() {
    return expected != null;
  }

  synchronized ConsumerCheck check() {
    if (expected == null) {
      return new ConsumerCheck(
          runId, entity, null, received + untracked, duplicates, null, invalid, untracked, false);
    }
    int tracked = (int) Math.min(expected, maxRows);
    long inRange = seen.get(0, tracked).cardinality();
    long unexpected = invalid + received - inRange;
    long missing = tracked - inRange;
    boolean complete = missing == 0 && duplicates == 0 && unexpected == 0 && untracked == 0;
    return new ConsumerCheck(
        runId,
        entity,
        expected,
        received + untracked,
        duplicates,
        missing,
        unexpected,
        untracked,
        complete);
  }
}
