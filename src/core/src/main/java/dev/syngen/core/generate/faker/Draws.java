package dev.syngen.core.generate.faker;

import dev.syngen.core.random.CellRandom;

/**
 * The random numbers of one cell, as a SplitMix64 sequence started from the cell's bits: a pure
 * function of (stream key, row), never shared between cells.
 */
public final class Draws {
  private static final long GOLDEN = 0x9E3779B97F4A7C15L;
  private long state;

  void reset(long key, long row) {
    state = CellRandom.bits(key, row, 0);
  }

  long next() {
    return CellRandom.mix(state += GOLDEN);
  }

  /** Uniform in [0, bound) for 0 &lt; bound &lt; 2^31 (Lemire's multiply-shift, no division). */
  int below(int bound) {
    return (int) Math.multiplyHigh(next() >>> 1, (long) bound << 1);
  }
}
