package dev.syngen.core.traffic;

import java.util.function.LongSupplier;

/**
 * Burst pacing: within each window the window's share of the rate goes at full speed; once it is
 * spent the writer idles until the window ends. Overshoot carries into the next window, so the
 * average over whole windows is the rate.
 */
final class BurstPacer extends Pacer {
  private final long windowNanos;
  private long windowStart = Long.MIN_VALUE;
  private double spentSeconds;

  BurstPacer(Traffic traffic, LongSupplier clock, Sleeper sleeper) {
    super(traffic, clock, sleeper);
    this.windowNanos = traffic.window().toNanos();
  }

  @Override
  void pace(double seconds) throws InterruptedException {
    long now = clock.getAsLong();
    if (windowStart == Long.MIN_VALUE) {
      windowStart = now;
    }
    double windowSeconds = windowNanos / 1e9;
    while (spentSeconds >= windowSeconds) {
      long end = windowStart + windowNanos;
      if (end > now) {
        sleeper.sleepNanos(end - now);
        now = clock.getAsLong();
      }
      windowStart = now > end + windowNanos ? now : end;
      spentSeconds -= windowSeconds;
    }
    spentSeconds += seconds;
  }
}
