package dev.syngen.core.random;

/**
 * A keyed bijection of [0, n): a four-round Feistel network over the smallest even number of bits
 * that covers n, with cycle walking back into range. {@code at(i)} for distinct i gives distinct
 * values, so a column can be unique without remembering what it produced; each call is O(1) (fewer
 * than four walks on average).
 */
public final class IndexPermutation {
  private static final int ROUNDS = 4;
  private final long n;
  private final int halfBits;
  private final long halfMask;
  private final long[] roundKeys = new long[ROUNDS];

  public IndexPermutation(long n, long key) {
    if (n < 1) {
      throw new IllegalArgumentException("n must be >= 1");
    }
    this.n = n;
    int bits = Math.max(2, 64 - Long.numberOfLeadingZeros(n - 1));
    this.halfBits = (bits + 1) / 2;
    this.halfMask = halfBits >= 32 ? 0xFFFF_FFFFL : (1L << halfBits) - 1;
    for (int r = 0; r < ROUNDS; r++) {
      roundKeys[r] = CellRandom.bits(key, r, 0x7e3a);
    }
  }

  public long size() {
    return n;
  }

  /** The image of {@code i} in [0, n), for i in [0, n). */
  public long at(long i) {
    long x = encrypt(i);
    while (Long.compareUnsigned(x, n) >= 0) {
      x = encrypt(x);
    }
    return x;
  }

  private long encrypt(long x) {
    long left = (x >>> halfBits) & halfMask;
    long right = x & halfMask;
    for (long k : roundKeys) {
      long next = left ^ (CellRandom.mix(right ^ k) & halfMask);
      left = right;
      right = next;
    }
    return (left << halfBits) | right;
  }
}
