package dev.syngen.core.traffic;

import java.util.function.LongSupplier;

/**
 * Token-bucket pacing: each chunk is due when the chunks before it have been paid for at the rate.
 * A chunk that is late goes at once, and up to {@link Pacer#MAX_CREDIT_NANOS} of lateness is caught
 * up, so the average holds without flooding after a long stall.
 */
final class SteadyPacer extends Pacer {
  private long due = Long.MIN_VALUE;

  SteadyPacer(Traffic traffic, LongSupplier clock, Sleeper sleeper) {
    super(traffic, clock, sleeper);
  }

  @Override
  void pace(double seconds) throws InterruptedException {
    long now = clock.getAsLong();
    if (due == Long.MIN_VALUE || now - due > MAX_CREDIT_NANOS) {
      due = due == Long.MIN_VALUE ? now : now - MAX_CREDIT_NANOS;
    }
    if (due > now) {
      sleeper.sleepNanos(due - now);
    }
    due += (long) (seconds * 1e9);
  }
}
