package dev.syngen.core.random;

import java.nio.charset.StandardCharsets;

/**
 * Derives the random stream key of a column from {@code (seed, entity, column)}.
 *
 * <p>The names are hashed byte by byte with a 64-bit multiply-xorshift mix, separated by a marker
 * byte so that ("ab","c") and ("a","bc") differ, then finalised with the SplitMix64 mixer. Two
 * columns never share a stream unless their 64-bit keys collide.
 */
public final class StreamKeys {
  private static final long MUL = 0x9E3779B97F4A7C15L;

  private StreamKeys() {}

  public static long of(long seed, String entity, String column) {
    long h = CellRandom.mix(seed ^ 0x5DEECE66DL);
    h = absorb(h, entity);
    h = absorb(h, column);
    return CellRandom.mix(h);
  }

  /** A key for a named purpose other than a column (for example an entity's row-count stream). */
  public static long of(long seed, String entity, String column, String purpose) {
    return CellRandom.mix(absorb(of(seed, entity, column), purpose));
  }

  private static long absorb(long h, String s) {
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      h = (h ^ (b & 0xFF)) * MUL;
      h ^= h >>> 29;
    }
    h = (h ^ 0xFF) * MUL; // separator: ("ab","c") != ("a","bc")
    return h ^ (h >>> 32);
  }
}
