package dev.syngen.core.engine;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Allocation-free text forms of values: ISO-8601 UTC timestamps with milliseconds ({@code
 * 2026-01-01T00:00:00.000Z}), ISO dates, canonical UUIDs and decimal longs, written into byte
 * arrays. Used by every text sink so all of them agree on the representation.
 */
public final class ValueFormat {
  private static final byte[] HEX =
      "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  private static final long MIN_FAST_DAY = LocalDate.of(0, 1, 1).toEpochDay();
  private static final long MAX_FAST_DAY = LocalDate.of(9999, 12, 31).toEpochDay();
  private static final long DAY_MILLIS = 86_400_000L;

  /** Longest text of any value written by this class (a UUID is 36, a timestamp 24). */
  public static final int MAX_FIXED_WIDTH = 40;

  private ValueFormat() {}

  public static String timestamp(long epochMillis) {
    byte[] b = new byte[MAX_FIXED_WIDTH];
    return new String(
        b, 0, writeTimestamp(b, 0, epochMillis), java.nio.charset.StandardCharsets.US_ASCII);
  }

  public static String date(long epochDay) {
    byte[] b = new byte[MAX_FIXED_WIDTH];
    return new String(b, 0, writeDate(b, 0, epochDay), java.nio.charset.StandardCharsets.US_ASCII);
  }

  public static String uuid(long hi, long lo) {
    byte[] b = new byte[36];
    writeUuid(b, 0, hi, lo);
    return new String(b, java.nio.charset.StandardCharsets.US_ASCII);
  }

  /** Writes {@code yyyy-MM-ddTHH:mm:ss.SSSZ}; returns the position after it. */
  public static int writeTimestamp(byte[] b, int p, long epochMillis) {
    long day = Math.floorDiv(epochMillis, DAY_MILLIS);
    if (day < MIN_FAST_DAY || day > MAX_FAST_DAY) {
      return writeAscii(b, p, Instant.ofEpochMilli(epochMillis).toString());
    }
    p = writeDate(b, p, day);
    return writeTimeOfDay(b, p, (int) (epochMillis - day * DAY_MILLIS));
  }

  /** Writes {@code THH:mm:ss.SSSZ} of {@code 0 <= msOfDay < 86,400,000}, in int arithmetic. */
  private static int writeTimeOfDay(byte[] b, int p, int msOfDay) {
    int second = msOfDay / 1000;
    int ms = msOfDay - second * 1000;
    int hour = second / 3600;
    int rest = second - hour * 3600;
    int minute = rest / 60;
    b[p] = 'T';
    pair(b, p + 1, hour);
    b[p + 3] = ':';
    pair(b, p + 4, minute);
    b[p + 6] = ':';
    pair(b, p + 7, rest - minute * 60);
    b[p + 9] = '.';
    int hundreds = ms / 100;
    b[p + 10] = (byte) ('0' + hundreds);
    pair(b, p + 11, ms - hundreds * 100);
    b[p + 13] = 'Z';
    return p + 14;
  }

  /**
   * Writes timestamps as {@link #writeTimestamp} does, keeping the text of the last day it wrote:
   * the rows of a time series mostly share their day, and the date is most of a timestamp's work.
   * One per encoding thread (an encoder's buffer holds one); not thread-safe.
   */
  public static final class Timestamps {
    private long day = Long.MIN_VALUE;
    private final byte[] dayText = new byte[10];

    public int write(byte[] b, int p, long epochMillis) {
      long d = Math.floorDiv(epochMillis, DAY_MILLIS);
      if (d != day) {
        if (d < MIN_FAST_DAY || d > MAX_FAST_DAY) {
          return writeTimestamp(b, p, epochMillis);
        }
        writeDate(dayText, 0, d);
        day = d;
      }
      System.arraycopy(dayText, 0, b, p, dayText.length);
      return writeTimeOfDay(b, p + dayText.length, (int) (epochMillis - d * DAY_MILLIS));
    }
  }

  /** Writes {@code yyyy-MM-dd} (proleptic Gregorian, Hinnant's civil-from-days). */
  public static int writeDate(byte[] b, int p, long epochDay) {
    if (epochDay < MIN_FAST_DAY || epochDay > MAX_FAST_DAY) {
      return writeAscii(b, p, LocalDate.ofEpochDay(epochDay).toString());
    }
    long z = epochDay + 719_468;
    long era = Math.floorDiv(z, 146_097);
    long doe = z - era * 146_097;
    long yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    int d = (int) (doy - (153 * mp + 2) / 5 + 1);
    int m = (int) (mp < 10 ? mp + 3 : mp - 9);
    int y = (int) (yoe + era * 400 + (m <= 2 ? 1 : 0));
    b[p++] = (byte) ('0' + y / 1000);
    b[p++] = (byte) ('0' + y / 100 % 10);
    b[p++] = (byte) ('0' + y / 10 % 10);
    b[p++] = (byte) ('0' + y % 10);
    b[p++] = '-';
    p = two(b, p, m);
    b[p++] = '-';
    return two(b, p, d);
  }

  public static int writeUuid(byte[] b, int p, long hi, long lo) {
    p = hex(b, p, hi >>> 32, 8);
    b[p++] = '-';
    p = hex(b, p, hi >>> 16, 4);
    b[p++] = '-';
    p = hex(b, p, hi, 4);
    b[p++] = '-';
    p = hex(b, p, lo >>> 48, 4);
    b[p++] = '-';
    return hex(b, p, lo, 12);
  }

  /**
   * Writes a decimal long, the text of {@link Long#toString(long)}; returns the position after it.
   * Integer columns are most of a numeric row, and a double's 17 digits come through here too: the
   * number is cut into groups of eight digits, each written two digits at a time from a table with
   * int arithmetic.
   */
  public static int writeLong(byte[] b, int p, long v) {
    if (v < 0) {
      if (v == Long.MIN_VALUE) {
        return writeAscii(b, p, "-9223372036854775808");
      }
      b[p++] = '-';
      v = -v;
    }
    if (v < 100_000_000L) {
      return writeUpTo8(b, p, (int) v);
    }
    long high = v / 100_000_000L;
    int low = (int) (v - high * 100_000_000L);
    if (high < 100_000_000L) {
      p = writeUpTo8(b, p, (int) high);
    } else {
      long top = high / 100_000_000L;
      p = writeUpTo8(b, p, (int) top);
      p = write8(b, p, (int) (high - top * 100_000_000L));
    }
    return write8(b, p, low);
  }

  /** Writes {@code 0 <= v < 10^8} without leading zeros. */
  private static int writeUpTo8(byte[] b, int p, int v) {
    int end = p + digits(v);
    int i = end;
    while (v >= 100) {
      int q = v / 100;
      int r = (v - q * 100) << 1;
      b[--i] = PAIRS[r + 1];
      b[--i] = PAIRS[r];
      v = q;
    }
    if (v >= 10) {
      int r = v << 1;
      b[--i] = PAIRS[r + 1];
      b[--i] = PAIRS[r];
    } else {
      b[--i] = (byte) ('0' + v);
    }
    return end;
  }

  /** Writes {@code 0 <= v < 10^8} as exactly eight digits. */
  private static int write8(byte[] b, int p, int v) {
    int high = v / 10_000;
    int low = v - high * 10_000;
    pair(b, p, high / 100);
    pair(b, p + 2, high % 100);
    pair(b, p + 4, low / 100);
    pair(b, p + 6, low % 100);
    return p + 8;
  }

  private static void pair(byte[] b, int p, int v) {
    b[p] = PAIRS[v << 1];
    b[p + 1] = PAIRS[(v << 1) + 1];
  }

  /** "00" to "99", two bytes each. */
  private static final byte[] PAIRS = new byte[200];

  static {
    for (int i = 0; i < 100; i++) {
      PAIRS[2 * i] = (byte) ('0' + i / 10);
      PAIRS[2 * i + 1] = (byte) ('0' + i % 10);
    }
  }

  /** Decimal digits of {@code 0 <= v < 10^8}. */
  private static int digits(int v) {
    if (v < 10_000) {
      return v < 100 ? (v < 10 ? 1 : 2) : (v < 1000 ? 3 : 4);
    }
    return v < 1_000_000 ? (v < 100_000 ? 5 : 6) : (v < 10_000_000 ? 7 : 8);
  }

  /** Writes the low {@code digits} (even) hex digits of {@code v}, a byte's two at a time. */
  private static int hex(byte[] b, int p, long v, int digits) {
    for (int i = digits - 2; i >= 0; i -= 2) {
      int x = ((int) v & 0xFF) << 1;
      b[p + i] = HEX_PAIRS[x];
      b[p + i + 1] = HEX_PAIRS[x + 1];
      v >>>= 8;
    }
    return p + digits;
  }

  /** "00" to "ff", two bytes each. */
  private static final byte[] HEX_PAIRS = new byte[512];

  static {
    for (int i = 0; i < 256; i++) {
      HEX_PAIRS[2 * i] = HEX[i >>> 4];
      HEX_PAIRS[2 * i + 1] = HEX[i & 0xF];
    }
  }

  private static int two(byte[] b, int p, int v) {
    pair(b, p, v);
    return p + 2;
  }

  private static int writeAscii(byte[] b, int p, String s) {
    for (int i = 0; i < s.length(); i++) {
      b[p++] = (byte) s.charAt(i);
    }
    return p;
  }
}
