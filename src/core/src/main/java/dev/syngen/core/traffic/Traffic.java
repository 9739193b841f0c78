package dev.syngen.core.traffic;

import java.time.Duration;

/**
 * How a run's traffic is shaped. Pacing only delays writes: which values rows get never depends on
 * it, so a paced run writes the same rows as an unpaced one.
 *
 * @param rate the rate to hold, or null for full speed
 * @param mode steady, burst or sampled
 * @param window the burst window (burst mode)
 * @param duration how long the streamed entity runs, or null to write its row count
 * @param streamEntity the entity {@code duration} applies to; null for the plan's last entity
 * @param logicalRecordBytes in sampled mode, the bytes each record stands for
 * @param wallClock timestamp columns carry the time each row is produced instead of their generated
 *     values: the one deliberate exception to "same seed, same data" (DESIGN.md)
 * @param speed the factor of event time at which lifecycle events are streamed, in event-time order
 *     ({@link Speed#MAX}: no waiting); null to write them instance by instance
 */
public record Traffic(
    Rate rate,
    TrafficMode mode,
    Duration window,
    Duration duration,
    String streamEntity,
    long logicalRecordBytes,
    boolean wallClock,
    Double speed) {
  public static final Traffic UNLIMITED =
      new Traffic(null, TrafficMode.STEADY, Duration.ofSeconds(1), null, null, 0, false, null);

  /**
   * The smallest row count an open-ended stream is planned with: counts at or above it are
   * placeholders that the duration, not the plan, ends.
   */
  public static final long OPEN_ENDED_ROWS = 1L << 30;

  /** Pacing slices: a batch holds about this fraction of a second of traffic. */
  static final int SLICES_PER_SECOND = 50;

  /** A small record, to size batches before real sizes are known. */
  static final int MIN_RECORD_BYTES = 64;

  public Traffic {
    mode = mode == null ? TrafficMode.STEADY : mode;
    window = window == null ? Duration.ofSeconds(1) : window;
    if (mode == TrafficMode.SAMPLED && logicalRecordBytes <= 0) {
      throw new IllegalArgumentException(
          "sampled traffic needs --payload-size: the logical size each record stands for");
    }
    if (window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("the burst window must be positive");
    }
  }

  /** Traffic without event-time order. */
  public Traffic(
      Rate rate,
      TrafficMode mode,
      Duration window,
      Duration duration,
      String streamEntity,
      long logicalRecordBytes,
      boolean wallClock) {
    this(rate, mode, window, duration, streamEntity, logicalRecordBytes, wallClock, null);
  }

  /** Traffic with generated timestamps (the usual case). */
  public Traffic(
      Rate rate,
      TrafficMode mode,
      Duration window,
      Duration duration,
      String streamEntity,
      long logicalRecordBytes) {
    this(rate, mode, window, duration, streamEntity, logicalRecordBytes, false, null);
  }

  /** True when lifecycle events are streamed in event-time order. */
  public boolean eventTimeOrder() {
    return speed != null;
  }

  public boolean paced() {
    return rate != null;
  }

  /**
   * The batch size to use: small enough that one batch is a short slice of the rate, so pacing is
   * smooth. Batch size never changes the data.
   */
  public int batchSize(int requested) {
    if (rate == null) {
      return requested;
    }
    double recordsPerSecond =
        switch (rate.unit()) {
          case RECORDS -> rate.perSecond();
          case BYTES ->
              rate.perSecond()
                  / (mode == TrafficMode.SAMPLED ? logicalRecordBytes : MIN_RECORD_BYTES);
        };
    long slice = (long) Math.ceil(recordsPerSecond / SLICES_PER_SECOND);
    return (int) Math.max(1, Math.min(requested, slice));
  }
}
