package dev.syngen.server.application.batch;

import dev.syngen.server.infrastructure.persistence.ChunkPosition;

/**
 * What a dispatcher does next about one chunk it sent, from the partition's row in the shared
 * history database and the clock: done once the row shows the chunk written; send it again when no
 * executor reported it within the redispatch time (its executor may have died) or when an executor
 * reported a failure and attempts remain; give up at the last attempt's failure or at the chunk
 * timeout. Pure, so each rule is tested without servers.
 */
final class ChunkWatch {
  enum Next {
    /** The partition's row is past the chunk. */
    WRITTEN,
    /** Nothing new: look again shortly. */
    WAIT,
    /** No executor reported the chunk within the redispatch time: send it again. */
    RESEND_UNREPORTED,
    /** An executor reported a failure and attempts remain: clear it and send the chunk again. */
    RESEND_FAILED,
    /** An executor reported a failure at the last attempt: the partition fails with it. */
    FAIL,
    /** No executor wrote the chunk within the chunk timeout. */
    TIME_OUT
  }

  private final long to;
  private final int attempts;
  private final long redispatchNanos;
  private final long deadline;
  private long sentAt;
  private int failures;

  ChunkWatch(long to, int attempts, long redispatchNanos, long timeoutNanos, long now) {
    this.to = to;
    this.attempts = attempts;
    this.redispatchNanos = redispatchNanos;
    this.deadline = now + timeoutNanos;
    this.sentAt = now;
  }

  Next next(ChunkPosition at, long now) {
    if (at.nextRow() >= to) {
      return Next.WRITTEN;
    }
    if (at.error() != null) {
      failures++;
      if (failures >= attempts) {
        return Next.FAIL;
      }
      sentAt = now;
      return Next.RESEND_FAILED;
    }
    if (expired(now)) {
      return Next.TIME_OUT;
    }
    if (now - sentAt >= redispatchNanos) {
      sentAt = now;
      return Next.RESEND_UNREPORTED;
    }
    return Next.WAIT;
  }

  /** Whether the chunk timeout has passed: nothing more is waited for. */
  boolean expired(long now) {
    return now - deadline > 0;
  }

  /** The executors' failures of this chunk so far. */
  int failures() {
    return failures;
  }

  int attempts() {
    return attempts;
  }
}
