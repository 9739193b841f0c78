package dev.syngen.core.random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CellRandomTest {
  private static final int N = 1_000_000;
  private static final long KEY = StreamKeys.of(42, "entity", "column");

  @Test
  void unitIsInRangeWithUniformMoments() {
    double sum = 0;
    double sumSq = 0;
    for (int row = 0; row < N; row++) {
      double u = CellRandom.unit(KEY, row, 0);
      assertTrue(u >= 0.0 && u < 1.0, "unit out of [0, 1): " + u + " at row " + row);
      sum += u;
      sumSq += u * u;
    }
    double mean = sum / N;
    assertEquals(0.5, mean, 0.002, "mean of unit()");
    assertEquals(1.0 / 12, sumSq / N - mean * mean, 0.002, "variance of unit()");
  }

  @Test
  void belowIsInRangeAndRoughlyUniform() {
    int bound = 10;
    long[] counts = new long[bound];
    for (int row = 0; row < N; row++) {
      long v = CellRandom.below(KEY, row, 0, bound);
      assertTrue(v >= 0 && v < bound, "below(10) gave " + v);
      counts[(int) v]++;
    }
    double expected = (double) N / bound;
    double chi2 = 0;
    for (long c : counts) {
      chi2 += (c - expected) * (c - expected) / expected;
    }
    // 9 degrees of freedom: P(chi2 > 30) is about 4e-4.
    assertTrue(
        chi2 < 30, "chi-square " + chi2 + " for counts " + java.util.Arrays.toString(counts));
  }

  @Test
  void belowOneIsAlwaysZero() {
    for (int row = 0; row < 1000; row++) {
      assertEquals(0, CellRandom.below(KEY, row, 0, 1));
    }
  }

  @Test
  void belowStaysInRangeForEveryBoundSize() {
    long[] bounds = {
      2, 7, 1L << 31, (1L << 40) * 3, (1L << 62) - 1, 1L << 62, (1L << 62) + 1, Long.MAX_VALUE
    };
    for (long bound : bounds) {
      long max = 0;
      for (int row = 0; row < 10_000; row++) {
        long v = CellRandom.below(KEY, row, 0, bound);
        assertTrue(v >= 0 && v < bound, "below(" + bound + ") gave " + v);
        max = Math.max(max, v);
      }
      // The values must spread over the range, not collapse to its bottom.
      assertTrue(max >= bound / 2, "below(" + bound + ") never reached half the range: " + max);
    }
  }

  @Test
  void gaussianHasMeanZeroAndUnitStandardDeviation() {
    double sum = 0;
    double sumSq = 0;
    for (int row = 0; row < N; row++) {
      double g = CellRandom.gaussian(KEY, row, 0);
      assertTrue(Double.isFinite(g));
      sum += g;
      sumSq += g * g;
    }
    double mean = sum / N;
    assertEquals(0.0, mean, 0.005, "gaussian mean");
    assertEquals(1.0, Math.sqrt(sumSq / N - mean * mean), 0.005, "gaussian sd");
  }

  @Test
  void drawsRowsAndKeysAreIndependentStreams() {
    assertEquals(CellRandom.bits(KEY, 5, 0), CellRandom.bits(KEY, 5, 0));
    assertNotEquals(CellRandom.bits(KEY, 5, 0), CellRandom.bits(KEY, 5, 1));
    assertNotEquals(CellRandom.bits(KEY, 5, 0), CellRandom.bits(KEY, 6, 0));
    assertNotEquals(CellRandom.bits(KEY, 5, 0), CellRandom.bits(KEY + 1, 5, 0));
    assertNotEquals(CellRandom.bits(KEY, 5, 0), CellRandom.bits(KEY, 5, CellRandom.NULL_DRAW));
  }
}
