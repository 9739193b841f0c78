package dev.syngen.core.fidelity;

import dev.syngen.core.engine.ValueFormat;
import dev.syngen.core.scenario.ColumnType;
import dev.syngen.core.scenario.Instants;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Reads cells as written by the sinks: numbers, ISO-8601 instants and dates, booleans in their
 * usual spellings. Timestamps in syngen's own fixed form are parsed without allocation.
 */
final class Cells {
  private static final long DAY = 86_400_000L;

  private Cells() {}

  /**
   * The cell as a number (epoch ms for timestamps, epoch days for dates), or null if unreadable.
   */
  static Double number(ColumnType type, String text) {
    try {
      return switch (type) {
        case TIMESTAMP -> (double) timestamp(text);
        case DATE -> (double) LocalDate.parse(text.trim()).toEpochDay();
        case BOOL -> bool(text) == null ? null : bool(text) ? 1.0 : 0.0;
        default -> Double.parseDouble(text.trim());
      };
    } catch (DateTimeParseException | NumberFormatException e) {
      return null;
    }
  }

  /** The cell's canonical text, so that values read from any target compare equal. */
  static String category(ColumnType type, String text) {
    Double n;
    switch (type) {
      case INT, BIGINT:
        n = number(type, text);
        return n == null ? text : Long.toString(n.longValue());
      case FLOAT, DOUBLE:
        n = number(type, text);
        return n == null ? text : Double.toString(n);
      case BOOL:
        Boolean b = bool(text);
        return b == null ? text : b.toString();
      case TIMESTAMP:
        n = number(type, text);
        return n == null ? text : ValueFormat.timestamp(n.longValue());
      case UUID:
        return text.trim().toLowerCase(Locale.ROOT);
      default:
        return text;
    }
  }

  static Boolean bool(String text) {
    return switch (text.trim().toLowerCase(Locale.ROOT)) {
      case "true", "t", "1", "yes" -> Boolean.TRUE;
      case "false", "f", "0", "no" -> Boolean.FALSE;
      default -> null;
    };
  }

  /** Epoch milliseconds of {@code yyyy-MM-ddTHH:mm:ss.SSSZ} (fast) or any ISO-8601 instant. */
  static long timestamp(String s) {
    if (s.length() == 24 && s.charAt(4) == '-' && s.charAt(10) == 'T' && s.charAt(23) == 'Z') {
      int y = digits(s, 0, 4);
      int mo = digits(s, 5, 2);
      int d = digits(s, 8, 2);
      int h = digits(s, 11, 2);
      int mi = digits(s, 14, 2);
      int se = digits(s, 17, 2);
      int ms = digits(s, 20, 3);
      if (y >= 0 && mo >= 1 && mo <= 12 && d >= 1 && d <= 31 && h >= 0 && mi >= 0 && se >= 0
          && ms >= 0) {
        return epochDay(y, mo, d) * DAY + h * 3_600_000L + mi * 60_000L + se * 1000L + ms;
      }
    }
    return Instants.parse(s).toEpochMilli();
  }

  private static int digits(String s, int from, int n) {
    int v = 0;
    for (int i = from; i < from + n; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }

  /** Days from 1970-01-01 to a proleptic Gregorian date (Hinnant's days-from-civil). */
  private static long epochDay(int y, int m, int d) {
    y -= m <= 2 ? 1 : 0;
    long era = Math.floorDiv(y, 400);
    long yoe = y - era * 400;
    long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146_097 + doe - 719_468;
  }

  /** A value in a column's units as readable text (an instant for timestamps). */
  static String show(ColumnType type, double v) {
    return switch (type) {
      case TIMESTAMP -> ValueFormat.timestamp(Math.round(v));
      case DATE -> ValueFormat.date(Math.round(v));
      default -> Numbers.text(v);
    };
  }
}
