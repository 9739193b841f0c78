package dev.syngen.core.llm;

import java.util.function.LongSupplier;

/**
 * Opens after {@code threshold} consecutive failures and stays open for {@code openMillis}; then
 * lets one trial request through (half-open): success closes it, failure opens it again.
 */
final class CircuitBreaker {
  private final int threshold;
  private final long openMillis;
  private final LongSupplier clock;
  private int failures;
  private long openUntil;
  private boolean trialOut;

  CircuitBreaker(int threshold, long openMillis, LongSupplier clock) {
    this.threshold = threshold;
    this.openMillis = openMillis;
    this.clock = clock;
  }

  /** Whether a request may go to the provider now. */
  synchronized boolean allow() {
    if (failures < threshold) {
      return true;
    }
    if (clock.getAsLong() < openUntil || trialOut) {
      return false;
    }
    trialOut = true;
    return true;
  }

  synchronized void success() {
    failures = 0;
    trialOut = false;
  }

  synchronized void failure() {
    failures++;
    trialOut = false;
    if (failures >= threshold) {
      openUntil = clock.getAsLong() + openMillis;
    }
  }

  synchronized boolean open() {
    return failures >= threshold && clock.getAsLong() < openUntil;
  }
}
