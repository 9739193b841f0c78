package dev.syngen.server.infrastructure.health;

import java.util.List;
import java.util.function.Supplier;

/** The last list of probe results, reused while it is younger than the caller's limit. */
final class ProbeCache {
  private record Snapshot(long takenNanos, List<Dependency> dependencies) {}

  private volatile Snapshot last;

  List<Dependency> get(long maxAgeNanos, Supplier<List<Dependency>> probe) {
    Snapshot s = last;
    if (s != null && System.nanoTime() - s.takenNanos() < maxAgeNanos) {
      return s.dependencies();
    }
    synchronized (this) {
      s = last;
      if (s == null || System.nanoTime() - s.takenNanos() >= maxAgeNanos) {
        s = new Snapshot(System.nanoTime(), probe.get());
        last = s;
      }
      return s.dependencies();
    }
  }
}
