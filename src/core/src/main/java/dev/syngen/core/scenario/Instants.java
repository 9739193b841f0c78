package dev.syngen.core.scenario;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Lenient ISO-8601 parsing: instants, offset date-times, local date-times (UTC) and dates, in the
 * years 1 to 9999. Java accepts ±999,999,999 years, but epoch milliseconds and date arithmetic
 * overflow long before that, so such a value would fail deep in a run instead of at its input.
 */
public final class Instants {
  /** The first instant accepted: 0001-01-01T00:00:00Z. */
  public static final Instant MIN = Instant.parse("0001-01-01T00:00:00Z");

  /** The last instant accepted: 9999-12-31T23:59:59.999999999Z. */
  public static final Instant MAX = Instant.parse("9999-12-31T23:59:59.999999999Z");

  private Instants() {}

  /** The instant {@code s} names; DateTimeParseException when it is malformed or out of range. */
  public static Instant parse(String s) {
    Instant at = parseAny(s);
    if (at.isBefore(MIN) || at.isAfter(MAX)) {
      throw new DateTimeParseException("'" + s.trim() + "' is outside the years 1 to 9999", s, 0);
    }
    return at;
  }

  private static Instant parseAny(String s) {
    String t = s.trim();
    try {
      return OffsetDateTime.parse(t).toInstant();
    } catch (DateTimeParseException e) {
      // try the next form
    }
    try {
      return LocalDateTime.parse(t).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      // try the next form
    }
    try {
      return LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toInstant();
    } catch (DateTimeParseException e) {
      return Instant.parse(t);
    }
  }
}
