package dev.syngen.server.application.cluster;

import java.time.Duration;
import java.time.Instant;

/**
 * A member as a reader sees it at {@code now}: {@code up} while its last heartbeat is at most
 * {@link #MISSED_BEATS} of its own intervals old, {@code down} after that; its rows/s over the
 * interval between its last two heartbeats (0 when down: a member not heard from writes nothing
 * anyone can see).
 */
public record MemberState(
    String name,
    String role,
    String state,
    int chunksRunning,
    long chunksWritten,
    long rowsWritten,
    double rowsPerSecond,
    Instant startedAt,
    Instant seenAt) {

  /** Heartbeats a member may miss before it is shown down. */
  public static final int MISSED_BEATS = 3;

  public static final String UP = "up";
  public static final String DOWN = "down";

  public static MemberState of(ClusterMember m, Instant now) {
    boolean up = !now.isAfter(downAt(m));
    return new MemberState(
        m.name(),
        m.role(),
        up ? UP : DOWN,
        up ? m.chunksRunning() : 0,
        m.chunksWritten(),
        m.rowsWritten(),
        up ? rate(m) : 0,
        m.startedAt(),
        m.seenAt());
  }

  /**
   * When {@code m} goes down: {@link #MISSED_BEATS} of its own intervals after it was last seen. It
   * is up until this instant, inclusive.
   */
  public static Instant downAt(ClusterMember m) {
    return m.seenAt().plusSeconds((long) MISSED_BEATS * m.heartbeatSeconds());
  }

  /** Rows per second between the last two heartbeats, to one decimal. */
  static double rate(ClusterMember m) {
    long millis = Duration.between(m.previousSeenAt(), m.seenAt()).toMillis();
    long rows = m.rowsWritten() - m.previousRowsWritten();
    if (millis <= 0 || rows <= 0) {
      return 0;
    }
    return Math.round(rows * 10_000.0 / millis) / 10.0;
  }
}
