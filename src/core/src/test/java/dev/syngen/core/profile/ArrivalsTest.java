package dev.syngen.core.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ArrivalsTest {
  private static final long MONDAY = Instant.parse("2024-01-01T00:00:00Z").toEpochMilli();
  private static final long HOUR = 3_600_000L;

  @Test
  void hoursAndWeekdaysAreCountedInUtcMondayFirst() {
    assertEquals(0, Arrivals.weekday(MONDAY));
    assertEquals(6, Arrivals.weekday(MONDAY - 1));
    assertEquals(23, Arrivals.hour(MONDAY - 1));
    assertEquals(9, Arrivals.hour(MONDAY + 9 * HOUR + 1));
  }

  @Test
  void aShareUnderKValuesIsLeftEmpty() {
    long[] t = new long[105];
    for (int i = 0; i < 100; i++) {
      t[i] = MONDAY + 10 * HOUR + i;
    }
    for (int i = 100; i < 105; i++) {
      t[i] = MONDAY + 3 * HOUR; // five events at 03:00, fewer than k = 10
    }
    List<Double> hours = Arrivals.hourShares(t, 10);
    assertEquals(24, hours.size());
    assertNull(hours.get(3), "a rare hour could single out a record");
    assertEquals(0.9524, hours.get(10), 1e-4);
    assertEquals(0.0, hours.get(4), "an hour without events says so");
  }

  @Test
  void businessHoursAreAClearShapeAndUniformTimesAreNot() {
    Random r = new Random(3);
    long[] flat = new long[20_000];
    long[] business = new long[20_000];
    for (int i = 0; i < flat.length; i++) {
      flat[i] = MONDAY + (long) (r.nextDouble() * 140 * 24 * HOUR);
      business[i] = MONDAY + r.nextInt(140) * 24 * HOUR + 9 * HOUR + r.nextInt(8) * HOUR;
    }
    assertFalse(Arrivals.clear(Arrivals.hourShares(flat, 10), flat.length));
    assertFalse(Arrivals.clear(Arrivals.weekdayShares(flat, 10), flat.length));
    assertTrue(Arrivals.clear(Arrivals.hourShares(business, 10), business.length));
  }
}
