package dev.syngen.core.fidelity;

import java.util.Locale;

/**
 * Short, readable numbers for reports: 4 significant digits, scientific for very small p-values.
 */
final class Numbers {
  private Numbers() {}

  static String text(double v) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      return Double.toString(v);
    }
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    double a = Math.abs(v);
    if (a != 0 && (a < 1e-3 || a >= 1e9)) {
      return String.format(Locale.ROOT, "%.3g", v);
    }
    return String.format(Locale.ROOT, "%.4g", v)
        .replaceAll("(\\.\\d*?)0+$", "$1")
        .replaceAll("\\.$", "");
  }

  static String percent(double share) {
    return String.format(Locale.ROOT, "%.1f%%", share * 100);
  }
}
