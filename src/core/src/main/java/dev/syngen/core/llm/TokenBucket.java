package dev.syngen.core.llm;

import java.util.concurrent.locks.LockSupport;

/**
 * A token bucket: {@code perSecond} tokens flow in each second up to {@code capacity}; {@link
 * #take} waits until the tokens it asks for are there. A rate of 0 or less means no limit.
 */
final class TokenBucket {
  private final double perNano;
  private final double capacity;
  private double tokens;
  private long last;

  TokenBucket(double perSecond, double capacity) {
    this.perNano = perSecond / 1e9;
    this.capacity = capacity;
    this.tokens = capacity;
    this.last = System.nanoTime();
  }

  /** Requests per second, with a burst of at most one second's worth (at least one request). */
  static TokenBucket perSecond(double rate) {
    return new TokenBucket(rate, Math.max(1, rate));
  }

  /** Tokens per minute, with a burst of at most one minute's worth. */
  static TokenBucket perMinute(double rate) {
    return new TokenBucket(rate / 60, rate);
  }

  /** Takes {@code n} tokens (at most the capacity), waiting for them; false if interrupted. */
  boolean take(double n) {
    if (perNano <= 0) {
      return true;
    }
    long wait = reserve(Math.min(n, capacity));
    long deadline = System.nanoTime() + wait;
    while (wait > 0) {
      LockSupport.parkNanos(wait);
      if (Thread.interrupted()) {
        Thread.currentThread().interrupt();
        return false;
      }
      wait = deadline - System.nanoTime();
    }
    return true;
  }

  /**
   * Takes the tokens now, possibly going into debt, and returns how long the caller must wait for
   * the debt to be paid; callers queue up fairly because each one's debt adds to the next.
   */
  private synchronized long reserve(double n) {
    long now = System.nanoTime();
    tokens = Math.min(capacity, tokens + (now - last) * perNano);
    last = now;
    tokens -= n;
    return tokens >= 0 ? 0 : (long) Math.ceil(-tokens / perNano);
  }
}
