package dev.syngen.server.infrastructure.metrics;

import java.util.function.LongSupplier;

/**
 * Records per second achieved over the last {@link #SECONDS} whole seconds: a ring of per-second
 * counts, so the rate falls back to zero when production stops.
 */
final class RateWindow {
  static final int SECONDS = 10;

  private final long[] counts = new long[SECONDS];
  private final long[] seconds = new long[SECONDS];
  private final LongSupplier clockMillis;

  RateWindow(LongSupplier clockMillis) {
    this.clockMillis = clockMillis;
  }

  synchronized void add(long records) {
    long now = clockMillis.getAsLong() / 1000;
    int i = (int) (now % SECONDS);
    if (seconds[i] != now) {
      seconds[i] = now;
      counts[i] = 0;
    }
    counts[i] += records;
  }

  /** The average over the last full seconds (the current, partial second is left out). */
  synchronized double perSecond() {
    long now = clockMillis.getAsLong() / 1000;
    long sum = 0;
    for (int i = 0; i < SECONDS; i++) {
      if (seconds[i] < now && seconds[i] >= now - SECONDS) {
        sum += counts[i];
      }
    }
    return sum / (double) SECONDS;
  }
}
