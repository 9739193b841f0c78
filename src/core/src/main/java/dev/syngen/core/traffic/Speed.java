package dev.syngen.core.traffic;

import java.util.Locale;

/**
 * How fast event time passes in a stream of lifecycle events: {@code 1x} is real time, {@code 60x}
 * an hour of event time per minute, {@code max} as fast as the target takes them.
 */
public final class Speed {
  /** The factor of {@code max}: no waiting. */
  public static final double MAX = Double.POSITIVE_INFINITY;

  private static final double LIMIT = 1e9;

  private Speed() {}

  /** Parses {@code 1x}, {@code 60x}, {@code 0.5x}, {@code 60} or {@code max}. */
  public static double parse(String s) {
    String t = s.trim().toLowerCase(Locale.ROOT);
    if (t.equals("max")) {
      return MAX;
    }
    if (t.endsWith("x")) {
      t = t.substring(0, t.length() - 1).trim();
    }
    double f;
    try {
      f = Double.parseDouble(t);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + s + "' is not a speed");
    }
    if (!(f > 0 && f <= LIMIT)) {
      throw new IllegalArgumentException("a speed must be above 0 and at most 1e9x, got " + s);
    }
    return f;
  }

  public static String label(double speed) {
    return speed == MAX ? "max" : (speed == Math.rint(speed) ? (long) speed : speed) + "x";
  }
}
