package dev.syngen.core.fidelity;

/**
 * 64-bit hashes of cell texts, so keys can be compared in compact primitive arrays: at 10 million
 * distinct values the chance of any collision is below 1 in 100,000.
 */
final class Hash64 {
  private Hash64() {}

  static long of(String s) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < s.length(); i++) {
      h ^= s.charAt(i);
      h *= 0x100000001b3L;
    }
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    return h ^ (h >>> 33);
  }
}
