package dev.syngen.core.traffic;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A target throughput in records or bytes per second, parsed from human text: {@code 50k/s}, {@code
 * 1000}, {@code 2.5m rec/s} are records; {@code 7.5GB/s}, {@code 512KiB/s} are bytes; {@code
 * 125kb/s}, {@code 1mbit}, {@code 10Mbps} are bits (a lower-case {@code b} is a bit, an upper-case
 * {@code B} a byte). Decimal prefixes are powers of 1000, {@code Ki}/{@code Mi}/{@code Gi} of 1024.
 */
public record Rate(double perSecond, Unit unit) {
  /** What the rate counts. */
  public enum Unit {
    RECORDS("records/s"),
    BYTES("bytes/s");

    private final String label;

    Unit(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  private static final Pattern FORM =
      Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([kKmMgG]i?)?\\s*([A-Za-z]*)\\s*(?:/\\s*s|ps)?");

  public Rate {
    if (!(perSecond > 0) || Double.isInfinite(perSecond)) {
      throw new IllegalArgumentException("a rate must be a positive number, got " + perSecond);
    }
  }

  /** Parses a rate or throws {@link IllegalArgumentException} naming the accepted forms. */
  public static Rate parse(String text) {
    Matcher m = FORM.matcher(text == null ? "" : text.trim());
    if (!m.matches()) {
      throw bad(text);
    }
    String prefix = m.group(2);
    String unit = m.group(3);
    if (prefix != null && isRecordWord((prefix + unit).toLowerCase(Locale.ROOT))) {
      unit = prefix + unit; // "msg/s": the m is part of the word, not mega
      prefix = null;
    }
    double value = Double.parseDouble(m.group(1)) * prefix(prefix);
    if (unit.length() > 2 && unit.endsWith("ps")) {
      unit = unit.substring(0, unit.length() - 2); // Mbps, kBps: "per second" written as ps
    }
    if (value <= 0) {
      throw new IllegalArgumentException("rate '" + text + "' must be greater than zero");
    }
    if (unit.isEmpty() || isRecordWord(unit.toLowerCase(Locale.ROOT))) {
      return new Rate(value, Unit.RECORDS);
    }
    if (unit.equals("B")) {
      return new Rate(value, Unit.BYTES);
    }
    if (unit.equals("b") || unit.equalsIgnoreCase("bit") || unit.equalsIgnoreCase("bits")) {
      return new Rate(value / 8, Unit.BYTES);
    }
    throw bad(text);
  }

  private static boolean isRecordWord(String u) {
    return switch (u) {
      case "r", "rec", "recs", "record", "records", "msg", "msgs", "rows", "row", "rps", "mps" ->
          true;
      default -> false;
    };
  }

  private static double prefix(String p) {
    if (p == null) {
      return 1;
    }
    boolean binary = p.length() == 2;
    double base = binary ? 1024 : 1000;
    return switch (Character.toLowerCase(p.charAt(0))) {
      case 'k' -> base;
      case 'm' -> base * base;
      default -> base * base * base;
    };
  }

  private static IllegalArgumentException bad(String text) {
    return new IllegalArgumentException(
        "rate '"
            + text
            + "' is not understood; write records/s as 50k/s or 1000, bytes/s as 7.5GB/s or"
            + " 512KiB/s, bits/s as 125kb/s or 1mbit");
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "%,.0f %s", perSecond, unit.label());
  }
}
