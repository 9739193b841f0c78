package dev.syngen.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class ValueFormatTest {
  private static String written(long v) {
    byte[] b = new byte[30];
    b[0] = 'x';
    int end = ValueFormat.writeLong(b, 1, v);
    assertEquals('x', b[0]);
    return new String(b, 1, end - 1, StandardCharsets.US_ASCII);
  }

  @Test
  void longsAreTheTextOfLongToStringAtEveryLength() {
    long p = 1;
    for (int digits = 1; digits <= 19; digits++) {
      for (long v : new long[] {p - 1, p, p + 1, 2 * p - 1, 9 * p, p * 10 - 1}) {
        if (v >= 0) {
          assertEquals(Long.toString(v), written(v));
          assertEquals(Long.toString(-v), written(-v));
        }
      }
      p = digits < 19 ? p * 10 : p;
    }
    for (long v : new long[] {0, Long.MAX_VALUE, Long.MIN_VALUE, Long.MIN_VALUE + 1, -1}) {
      assertEquals(Long.toString(v), written(v));
    }
  }

  @Test
  void randomLongsAreTheTextOfLongToString() {
    SplittableRandom r = new SplittableRandom(13);
    for (int i = 0; i < 200_000; i++) {
      long v = r.nextLong() >> r.nextInt(64);
      assertEquals(Long.toString(v), written(v));
    }
  }

  @Property(tries = 100_000)
  void anyLongIsTheTextOfLongToString(@ForAll long v) {
    assertEquals(Long.toString(v), written(v));
  }
}
