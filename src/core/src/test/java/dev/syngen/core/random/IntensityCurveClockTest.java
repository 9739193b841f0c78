package dev.syngen.core.random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The curve as a clock: {@code advance} is the inverse of {@code activeMillis}, never goes back in
 * time and never lands in an hour, weekday or month of weight 0.
 */
class IntensityCurveClockTest {
  private static final long HOUR = 3_600_000L;
  private static final double[] NINE_TO_FIVE = new double[24];
  private static final double[] WORKWEEK = {1, 1, 1, 1, 1, 0, 0};
  private static final double[] NO_AUGUST = {1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1, 1};

  static {
    Arrays.fill(NINE_TO_FIVE, 9, 17, 1.0);
  }

  @Test
  void advanceInvertsActiveMillisAndSkipsInactiveTime() {
    IntensityCurve curve = new IntensityCurve(NINE_TO_FIVE, WORKWEEK, NO_AUGUST, HOUR);
    long t = Instant.parse("2025-06-01T00:00:00Z").toEpochMilli();
    for (int i = 0; i < 5_000; i++) {
      long from = t + (long) (CellRandom.unit(11, i, 0) * 400 * 24 * HOUR);
      double d = CellRandom.unit(11, i, 1) * 200 * HOUR;
      long to = curve.advance(from, d);
      assertTrue(to >= from, "went back from " + Instant.ofEpochMilli(from));
      assertTrue(curve.active(to), "landed at inactive " + Instant.ofEpochMilli(to));
      assertEquals(d, curve.activeMillis(from, to), 10, "dwell " + i);
    }
  }

  @Test
  void anAverageHourCountsAsAnHour() {
    // 8 active hours a day on 5 days a week: a week of activity is 168 h of the clock
    IntensityCurve curve =
        new IntensityCurve(
            NINE_TO_FIVE, WORKWEEK, new double[] {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1}, 0);
    long monday = Instant.parse("2025-12-01T09:00:00Z").toEpochMilli();
    assertEquals(168.0 * HOUR, curve.activeMillis(monday, monday + 168 * HOUR), 1.0);
    assertEquals(168.0 / 40 * HOUR, curve.activeMillis(monday, monday + HOUR), 1.0);
    // 4.2 h of the clock from Friday 16:00 are Friday's last hour: the next 2.1 h start Monday
    long friday = Instant.parse("2025-12-05T16:00:00Z").toEpochMilli();
    long monday9 = Instant.parse("2025-12-08T09:00:00Z").toEpochMilli();
    assertEquals(monday9 + HOUR / 2, curve.advance(friday, 6.3 * HOUR), 1.0);
    // a Saturday waits for Monday 09:00
    assertEquals(monday9, curve.nextActive(Instant.parse("2025-12-06T12:34:00Z").toEpochMilli()));
  }
}
