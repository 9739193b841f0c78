package dev.syngen.io.encode;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.io.NumberOutput;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/**
 * {@link NumberText} writes exactly the text the files had before it wrote into the buffer:
 * Jackson's shortest round-trip writer ({@code NumberOutput.toString(v, true)}), for every kind of
 * double — any bit pattern, the edge cases of each binade, and the values columns typically hold.
 */
class NumberTextTest {
  private static String before(double v) {
    return NumberOutput.toString(v, true);
  }

  /** The text written at an offset into a buffer that already holds other bytes. */
  private static String written(double v) {
    byte[] b = new byte[7 + NumberText.MAX_WIDTH];
    b[0] = 'x';
    int end = NumberText.write(b, 7, v);
    return new String(b, 7, end - 7, StandardCharsets.US_ASCII);
  }

  private static void same(double v) {
    String expected = before(v);
    assertEquals(
        expected, written(v), () -> "bits " + Long.toHexString(Double.doubleToRawLongBits(v)));
    assertEquals(expected, NumberText.of(v));
  }

  @Property(tries = 200_000)
  void anyBitPattern(@ForAll("bitPatterns") double v) {
    same(v);
  }

  @Property(tries = 20_000)
  void jqwikDoublesWithTheirEdgeCases(@ForAll double v) {
    same(v);
  }

  @Property(tries = 50_000)
  void columnLikeValues(
      @ForAll @DoubleRange(min = -1e7, max = 1e7) double v, @ForAll @IntRange(max = 6) int places) {
    double scale = Math.pow(10, places);
    same(v);
    same(Math.round(v * scale) / scale);
    same(v / 1e6);
  }

  @Property(tries = 20_000)
  void neighboursOfPowersOfTen(
      @ForAll @IntRange(min = -323, max = 308) int exp,
      @ForAll @IntRange(min = -3, max = 3) int ulps) {
    double v = Double.parseDouble("1e" + exp);
    for (int i = 0; i < Math.abs(ulps); i++) {
      v = ulps < 0 ? Math.nextDown(v) : Math.nextUp(v);
    }
    same(v);
    same(-v);
  }

  @Provide
  Arbitrary<Double> bitPatterns() {
    return Arbitraries.longs().map(Double::longBitsToDouble);
  }

  /** Every binade's first, last and a few inner significands, subnormals and specials included. */
  @org.junit.jupiter.api.Test
  void everyBinadeAndTheKnownHardCases() {
    List<Double> values = new ArrayList<>();
    SplittableRandom random = new SplittableRandom(13);
    long mask = (1L << 52) - 1;
    for (long biased = 0; biased <= 0x7FF; biased++) {
      for (long fraction :
          new long[] {0, 1, 2, 3, 4, mask, mask - 1, mask >> 1, random.nextLong() & mask}) {
        values.add(Double.longBitsToDouble(biased << 52 | fraction));
        values.add(-Double.longBitsToDouble(biased << 52 | fraction));
      }
    }
    for (double v :
        new double[] {
          0.0,
          -0.0,
          Double.NaN,
          Double.POSITIVE_INFINITY,
          Double.NEGATIVE_INFINITY,
          Double.MIN_VALUE,
          Double.MIN_NORMAL,
          Double.MAX_VALUE,
          1e23,
          2e23,
          8.41e21,
          5e-324,
          9007199254740991.0,
          9007199254740992.0,
          9007199254740993.0,
          1e7,
          9999999.999999998,
          1e-3,
          0.0009999999999999998,
          0.1,
          0.2,
          0.3,
          1.0 / 3,
          2.0 / 3,
          100.0,
          1234567.0,
          12345678.0,
          4.35,
          2.82879384806159e17,
          1.387364135037754e18,
          1.1920928955078125e-7
        }) {
      values.add(v);
      values.add(Math.nextUp(v));
      values.add(Math.nextDown(v));
    }
    for (long i = -100_000; i <= 100_000; i++) {
      values.add((double) i);
      values.add(i / 1000.0);
    }
    values.forEach(NumberTextTest::same);
    assertEquals(2 * 2048 * 9 + 31 * 3 + 2 * 200_001, values.size());
  }
}
