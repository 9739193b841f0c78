package dev.syngen.core.fidelity;

import java.util.SplittableRandom;

/**
 * Uniform sampling of n items from a stream of unknown length (Vitter's algorithm R), decided
 * before each item is read so that readers parse only the items kept. Deterministic for a seed.
 */
public final class Reservoir {
  private final int n;
  private final SplittableRandom random;
  private long seen;

  public Reservoir(int n, long seed) {
    this.n = n;
    this.random = new SplittableRandom(seed);
  }

  /** The slot in [0, n) the next item replaces, or -1 to skip it. */
  public int next() {
    long i = seen++;
    if (i < n) {
      return (int) i;
    }
    long j = random.nextLong(i + 1);
    return j < n ? (int) j : -1;
  }

  /** Items offered so far. */
  public long seen() {
    return seen;
  }
}
