package dev.syngen.core.traffic;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses sizes such as {@code 100}, {@code 512B}, {@code 1KB}, {@code 4KiB}, {@code 1MB}. */
public final class ByteSize {
  private static final Pattern FORM =
      Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(?:([kKmMgG])(i?)[bB]?|[bB])?");

  private ByteSize() {}

  public static long parse(String text) {
    Matcher m = FORM.matcher(text == null ? "" : text.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "size '" + text + "' is not understood; write e.g. 100, 512B, 1KB, 4KiB or 1MB");
    }
    double base = m.group(3) != null && !m.group(3).isEmpty() ? 1024 : 1000;
    double v = Double.parseDouble(m.group(1));
    if (m.group(2) != null) {
      int power = "kmg".indexOf(Character.toLowerCase(m.group(2).charAt(0))) + 1;
      v *= Math.pow(base, power);
    }
    long bytes = Math.round(v);
    if (bytes < 1 || bytes > Integer.MAX_VALUE / 2) {
      throw new IllegalArgumentException("size '" + text + "' must be between 1 byte and 1 GB");
    }
    return bytes;
  }
}
