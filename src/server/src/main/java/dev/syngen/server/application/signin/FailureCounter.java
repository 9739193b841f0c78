package dev.syngen.server.application.signin;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed sign-ins per key (a user name or a client address) in a fixed window: the failure that
 * reaches the limit locks the key for a while, during which every sign-in of that key is refused.
 * At most {@code maxKeys} keys are remembered; when full, quiet keys are forgotten first, then any.
 * Times are monotonic nanoseconds supplied by the caller.
 */
final class FailureCounter {
  private final int limit;
  private final long windowNanos;
  private final long lockNanos;
  private final int maxKeys;
  private final Map<String, Failures> keys = new ConcurrentHashMap<>();

  private static final class Failures {
    int count;
    long windowStart;
    long lockedUntil;
    boolean locked;
  }

  FailureCounter(int limit, long windowNanos, long lockNanos, int maxKeys) {
    this.limit = Math.max(1, limit);
    this.windowNanos = windowNanos;
    this.lockNanos = lockNanos;
    this.maxKeys = Math.max(1, maxKeys);
  }

  /** Nanoseconds {@code key} stays locked from {@code now}, 0 if it is not locked. */
  long lockedFor(String key, long now) {
    Failures f = keys.get(key);
    if (f == null) {
      return 0;
    }
    synchronized (f) {
      return f.locked && f.lockedUntil - now > 0 ? f.lockedUntil - now : 0;
    }
  }

  /** Counts a failure of {@code key}; true when this failure locks it. */
  boolean fail(String key, long now) {
    Failures f = keys.get(key);
    if (f == null) {
      makeRoom(now);
      f = keys.computeIfAbsent(key, k -> new Failures());
    }
    synchronized (f) {
      if (f.locked && f.lockedUntil - now > 0) {
        return false;
      }
      if (f.locked || f.count == 0 || now - f.windowStart > windowNanos) {
        f.locked = false;
        f.count = 0;
        f.windowStart = now;
      }
      f.count++;
      if (f.count >= limit) {
        f.locked = true;
        f.lockedUntil = now + lockNanos;
        return true;
      }
      return false;
    }
  }

  /** Forgets {@code key}'s failures (a successful sign-in), unless it is locked. */
  void clear(String key, long now) {
    Failures f = keys.get(key);
    if (f != null && lockedFor(key, now) == 0) {
      keys.remove(key, f);
    }
  }

  int size() {
    return keys.size();
  }

  private void makeRoom(long now) {
    if (keys.size() < maxKeys) {
      return;
    }
    keys.entrySet().removeIf(e -> quiet(e.getValue(), now));
    Iterator<String> any = keys.keySet().iterator();
    while (keys.size() >= maxKeys && any.hasNext()) {
      any.next();
      any.remove();
    }
  }

  private boolean quiet(Failures f, long now) {
    synchronized (f) {
      return f.locked ? f.lockedUntil - now <= 0 : now - f.windowStart > windowNanos;
    }
  }
}
