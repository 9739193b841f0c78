package dev.syngen.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;
import java.util.UUID;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
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

  private static final DateTimeFormatter ISO_MILLIS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  @Property(tries = 50_000)
  void aTimestampIsItsIsoTextWithMillis(
      @ForAll @LongRange(min = -62_167_219_200_000L, max = 253_402_300_799_999L) long millis) {
    byte[] b = new byte[ValueFormat.MAX_FIXED_WIDTH];
    int end = ValueFormat.writeTimestamp(b, 0, millis);
    assertEquals(
        ISO_MILLIS.format(Instant.ofEpochMilli(millis)),
        new String(b, 0, end, StandardCharsets.US_ASCII));
  }

  @Test
  void timestampsThatReuseTheirDayWriteWhatWriteTimestampWrites() {
    ValueFormat.Timestamps cached = new ValueFormat.Timestamps();
    SplittableRandom r = new SplittableRandom(5);
    long t = -86_400_000L * 3;
    byte[] a = new byte[ValueFormat.MAX_FIXED_WIDTH];
    byte[] b = new byte[ValueFormat.MAX_FIXED_WIDTH];
    for (int i = 0; i < 300_000; i++) {
      // a jittered series across days, with now and then a jump far away (and out of the fast
      // range of years 0 to 9999) and back
      t += 1000 + r.nextInt(-5_000, 5_001) * (i % 7 == 0 ? 20_000L : 1L);
      long v = i % 1000 == 999 ? (r.nextBoolean() ? Long.MAX_VALUE / 2 : -t * 1000) : t;
      int n = ValueFormat.writeTimestamp(a, 0, v);
      int m = cached.write(b, 0, v);
      assertEquals(
          new String(a, 0, n, StandardCharsets.US_ASCII),
          new String(b, 0, m, StandardCharsets.US_ASCII),
          "at " + v);
    }
  }

  @Property(tries = 50_000)
  void aUuidIsTheTextOfJavaUtilUuid(@ForAll long hi, @ForAll long lo) {
    assertEquals(new UUID(hi, lo).toString(), ValueFormat.uuid(hi, lo));
  }
}
