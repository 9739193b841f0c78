package dev.syngen.core.generate.builtin;

import dev.syngen.core.generate.Params;
import dev.syngen.core.scenario.Instants;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses durations ({@code 12ms}, {@code 5s}, {@code 1m}, {@code 2h}, {@code 1d}) and instants. */
public final class TimeSpec {
  private static final Pattern DURATION =
      Pattern.compile("([+-]?)(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h|d|w)", Pattern.CASE_INSENSITIVE);

  private TimeSpec() {}

  /** Milliseconds of a duration such as "-7d" or "12ms"; null if it is not one. */
  static Long durationMillis(String s) {
    Matcher m = DURATION.matcher(s.trim());
    if (!m.matches()) {
      return null;
    }
    double n = Double.parseDouble(m.group(2));
    long unit =
        switch (m.group(3).toLowerCase(java.util.Locale.ROOT)) {
          case "ms" -> 1L;
          case "s" -> 1_000L;
          case "m" -> 60_000L;
          case "h" -> 3_600_000L;
          case "d" -> 86_400_000L;
          default -> 7 * 86_400_000L;
        };
    long ms = Math.round(n * unit);
    return "-".equals(m.group(1)) ? -ms : ms;
  }

  /** An absolute ISO-8601 instant, or a duration relative to {@code asOf}; problem if neither. */
  static Long instantMillis(Params p, String name, Instant asOf, String example) {
    String s = p.string(name, example);
    if (s == null) {
      return null;
    }
    Long ms = parseInstant(s, asOf);
    if (ms == null) {
      p.problem(name, "'" + s + "' is neither a relative time nor an ISO-8601 instant", FIX);
    }
    return ms;
  }

  public static final String FIX = "write e.g. \"-7d\", \"-12h\", \"-30m\" or 2026-01-01T00:00:00Z";

  /** Epoch milliseconds of an ISO-8601 instant or of a duration relative to as_of; else null. */
  public static Long parseInstant(String s, Instant asOf) {
    Long rel = durationMillis(s);
    if (rel != null) {
      return asOf.toEpochMilli() + rel;
    }
    try {
      return Instants.parse(s).toEpochMilli();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  static Long stepMillis(Params p, String name, String example) {
    String s = p.string(name, example);
    if (s == null) {
      return null;
    }
    Long ms = durationMillis(s);
    if (ms == null || ms <= 0) {
      p.problem(
          name,
          "'" + s + "' is not a positive duration",
          "write a number and a unit: ms, s, m, h, d, e.g. " + example);
      return null;
    }
    return ms;
  }
}
