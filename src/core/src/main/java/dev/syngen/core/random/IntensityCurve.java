package dev.syngen.core.random;

import java.time.LocalDate;

/**
 * A time-varying event rate: a weight per hour of the day, per day of the week and per month,
 * multiplied, in local time at a fixed UTC offset. {@link #cumulative} gives the integrated rate
 * Λ(t) and {@link #inverse} its inverse, so mapping uniform positions through Λ⁻¹ places events
 * exactly as a Poisson process with this rate would (conditioned on their number).
 *
 * <p>The day weights repeat with the Gregorian calendar's 400-year cycle (146,097 days, a whole
 * number of weeks), so one table of prefix sums over a cycle serves every instant.
 */
public final class IntensityCurve {
  private static final long DAY = 86_400_000L;
  private static final long HOUR = 3_600_000L;
  private static final int CYCLE = 146_097;
  private final double[] hourCumulative = new double[25];
  private final double[] dayPrefix = new double[CYCLE + 1];
  private final double[] dayWeight = new double[CYCLE];
  private final long offsetMillis;

  /**
   * @param hourly 24 weights, hour 0 first
   * @param weekly 7 weights, Monday first
   * @param monthly 12 weights, January first
   */
  public IntensityCurve(double[] hourly, double[] weekly, double[] monthly, long offsetMillis) {
    double sum = 0;
    for (int h = 0; h < 24; h++) {
      sum += hourly[h];
      hourCumulative[h + 1] = sum;
    }
    if (!(sum > 0)) {
      throw new IllegalArgumentException("hourly weights must not all be zero");
    }
    for (int h = 0; h <= 24; h++) {
      hourCumulative[h] /= sum;
    }
    hourCumulative[24] = 1;
    this.offsetMillis = offsetMillis;
    LocalDate first = LocalDate.ofEpochDay(0);
    for (int d = 0; d < CYCLE; d++) {
      LocalDate date = first.plusDays(d);
      dayWeight[d] = weekly[date.getDayOfWeek().getValue() - 1] * monthly[date.getMonthValue() - 1];
      dayPrefix[d + 1] = dayPrefix[d] + dayWeight[d];
    }
    if (!(dayPrefix[CYCLE] > 0)) {
      throw new IllegalArgumentException("weekday and monthly weights must not all be zero");
    }
  }

  /** Λ(t): the integrated rate from the epoch to instant {@code t} (epoch milliseconds). */
  public double cumulative(long t) {
    long local = t + offsetMillis;
    long day = Math.floorDiv(local, DAY);
    long cycle = Math.floorDiv(day, CYCLE);
    int d = (int) Math.floorMod(day, CYCLE);
    long ms = Math.floorMod(local, DAY);
    int h = (int) (ms / HOUR);
    double within =
        hourCumulative[h]
            + (hourCumulative[h + 1] - hourCumulative[h]) * (ms - h * HOUR) / (double) HOUR;
    return cycle * dayPrefix[CYCLE] + dayPrefix[d] + dayWeight[d] * within;
  }

  /**
   * Milliseconds of activity between {@code from} and {@code to} on this curve's clock: Λ scaled so
   * that an average hour counts as one hour. An hour of weight 0 counts as none, an hour of twice
   * the average weight as two.
   */
  public double activeMillis(long from, long to) {
    return (cumulative(to) - cumulative(from)) * millisPerUnit();
  }

  /**
   * The first active instant at or after {@code t} by which {@code activeMillis} of activity have
   * passed on this curve's clock: the inverse of {@link #activeMillis}. The result is never earlier
   * than t and never in an hour, day or month of weight 0.
   */
  public long advance(long t, double activeMillis) {
    long s = inverse(cumulative(t) + activeMillis / millisPerUnit());
    return nextActive(Math.max(t, s));
  }

  /** True when instant {@code t} falls in an hour, weekday and month of weight > 0. */
  public boolean active(long t) {
    long local = t + offsetMillis;
    int d = (int) Math.floorMod(Math.floorDiv(local, DAY), CYCLE);
    int h = (int) (Math.floorMod(local, DAY) / HOUR);
    return dayWeight[d] > 0 && hourCumulative[h + 1] > hourCumulative[h];
  }

  /** The first active instant at or after {@code t} (t itself when it is active). */
  public long nextActive(long t) {
    // at most a year of inactive hours (11 months of weight 0) lie between two active ones
    for (int i = 0; i < 24 * 400 && !active(t); i++) {
      t = Math.floorDiv(t + offsetMillis, HOUR) * HOUR + HOUR - offsetMillis;
    }
    return t;
  }

  /** Real milliseconds per unit of Λ: the cycle's length over its total weight. */
  private double millisPerUnit() {
    return (double) CYCLE * DAY / dayPrefix[CYCLE];
  }

  /** The instant t with Λ(t) = y, to the millisecond. */
  public long inverse(double y) {
    long cycle = (long) Math.floor(y / dayPrefix[CYCLE]);
    double rest = y - cycle * dayPrefix[CYCLE];
    int d = last(dayPrefix, CYCLE, rest);
    double within =
        dayWeight[d] > 0 ? Math.min(1, Math.max(0, (rest - dayPrefix[d]) / dayWeight[d])) : 0;
    int h = last(hourCumulative, 24, within);
    double hourShare = hourCumulative[h + 1] - hourCumulative[h];
    double f = hourShare > 0 ? (within - hourCumulative[h]) / hourShare : 0;
    long ms = h * HOUR + Math.min(HOUR - 1, (long) (f * HOUR));
    return (cycle * CYCLE + d) * DAY + ms - offsetMillis;
  }

  /** The largest i in [0, n) with a[i] <= v and a[i + 1] > a[i] (a segment that has weight). */
  private static int last(double[] a, int n, double v) {
    int lo = 0;
    int hi = n - 1;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (a[mid] <= v) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    while (lo > 0 && a[lo + 1] <= a[lo]) {
      lo--; // v at the very top: step back onto the last segment with weight
    }
    return lo;
  }
}
