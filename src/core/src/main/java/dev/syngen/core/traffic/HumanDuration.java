package dev.syngen.core.traffic;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses durations such as {@code 30s}, {@code 5m}, {@code 1h30m}, {@code 250ms} or ISO {@code
 * PT5M}.
 */
public final class HumanDuration {
  private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h|d)");

  private HumanDuration() {}

  public static Duration parse(String text) {
    String t = text == null ? "" : text.trim();
    if (t.startsWith("P") || t.startsWith("p")) {
      try {
        return positive(Duration.parse(t), text);
      } catch (java.time.format.DateTimeParseException e) {
        throw bad(text);
      }
    }
    Matcher m = PART.matcher(t);
    int at = 0;
    double millis = 0;
    while (m.find() && m.start() == at) {
      double v = Double.parseDouble(m.group(1));
      millis +=
          v
              * switch (m.group(2)) {
                case "ms" -> 1;
                case "s" -> 1_000;
                case "m" -> 60_000;
                case "h" -> 3_600_000;
                default -> 86_400_000;
              };
      at = m.end();
    }
    if (at == 0 || at != t.length()) {
      throw bad(text);
    }
    return positive(Duration.ofMillis(Math.round(millis)), text);
  }

  private static Duration positive(Duration d, String text) {
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException("duration '" + text + "' must be greater than zero");
    }
    return d;
  }

  private static IllegalArgumentException bad(String text) {
    return new IllegalArgumentException(
        "duration '" + text + "' is not understood; write e.g. 30s, 5m, 1h, 1h30m or 250ms");
  }
}
