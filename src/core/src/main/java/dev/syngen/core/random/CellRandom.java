package dev.syngen.core.random;

/**
 * Counter-based randomness: a value is a pure function of (stream key, row index, draw number).
 *
 * <p>There is no state, so any row can be computed in O(1), in any order, on any thread. A cell
 * that needs several random numbers asks for draws 0, 1, 2, … of the same (key, row).
 */
public final class CellRandom {
  private static final long GOLDEN = 0x9E3779B97F4A7C15L;
  private static final long DRAW_STEP = 0xD1B54A32D192ED03L;
  private static final double UNIT = 0x1.0p-53;

  /** Draw number reserved for the null decision, so it never correlates with value draws. */
  public static final int NULL_DRAW = -1;

  private CellRandom() {}

  /** SplitMix64 finaliser (Stafford variant 13): a bijective, well-avalanched 64-bit mix. */
  public static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** 64 random bits for draw {@code draw} of row {@code row} in stream {@code key}. */
  public static long bits(long key, long row, int draw) {
    return mix(mix(key + row * GOLDEN) + draw * DRAW_STEP);
  }

  /** A uniform double in [0, 1). */
  public static double unit(long key, long row, int draw) {
    return (bits(key, row, draw) >>> 11) * UNIT;
  }

  /** A uniform long in [0, bound) for bound &gt; 0, using Lemire's multiply-shift reduction. */
  public static long below(long key, long row, int draw, long bound) {
    long x = bits(key, row, draw);
    if (bound < 1L << 62) {
      return Math.multiplyHigh(x >>> 1, bound << 1) & Long.MAX_VALUE;
    }
    // bound << 1 would overflow: take the unsigned high word of x × bound instead.
    return Math.multiplyHigh(x, bound) + ((x >> 63) & bound);
  }

  /** A standard normal deviate by the Box–Muller transform of two draws. */
  public static double gaussian(long key, long row, int draw) {
    double u1 = 1.0 - unit(key, row, draw); // (0, 1]: log is finite
    double u2 = unit(key, row, draw + 1);
    return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2.0 * Math.PI * u2);
  }
}
