package dev.syngen.core.generate.builtin;

import dev.syngen.core.generate.Params;
import dev.syngen.core.random.IntensityCurve;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Named activity curves for event processes (hour of day, day of week, month of year), or weights
 * written out in full. Weights are relative: only their ratios matter.
 */
public final class RatePresets {
  static final Map<String, double[]> HOURLY =
      Map.of(
          "flat", fill(24),
          // people: quiet 1-6h, morning rise, lunch bump, evening peak 19-22h
          "diurnal",
              new double[] {
                0.35, 0.2, 0.12, 0.08, 0.07, 0.1, 0.25, 0.55, 0.85, 1.0, 1.05, 1.1, 1.2, 1.1, 1.0,
                1.0, 1.05, 1.15, 1.3, 1.45, 1.5, 1.4, 1.05, 0.65
              },
          // work: 8-18h on, little outside
          "office",
              new double[] {
                0.05, 0.03, 0.02, 0.02, 0.02, 0.04, 0.1, 0.4, 0.9, 1.0, 1.0, 1.0, 0.8, 0.95, 1.0,
                1.0, 0.95, 0.7, 0.35, 0.2, 0.15, 0.1, 0.08, 0.06
              },
          // leisure: evening-heavy (media, gaming)
          "evening",
              new double[] {
                0.6, 0.4, 0.25, 0.15, 0.1, 0.1, 0.15, 0.25, 0.3, 0.35, 0.4, 0.45, 0.55, 0.55, 0.5,
                0.55, 0.65, 0.8, 1.0, 1.25, 1.45, 1.5, 1.3, 0.95
              });
  static final Map<String, double[]> WEEKLY =
      Map.of(
          "flat", fill(7),
          "workweek", new double[] {1, 1, 1, 1, 0.95, 0.45, 0.35},
          "weekend", new double[] {0.85, 0.8, 0.8, 0.85, 1.0, 1.35, 1.3});
  static final Map<String, double[]> MONTHLY =
      Map.of(
          "flat", fill(12),
          "holiday_peak",
              new double[] {0.85, 0.8, 0.9, 0.9, 0.95, 0.95, 0.95, 0.95, 1.0, 1.05, 1.3, 1.6},
          "summer_peak",
              new double[] {0.8, 0.8, 0.9, 1.0, 1.1, 1.3, 1.4, 1.35, 1.1, 0.9, 0.8, 0.85},
          "winter_peak",
              new double[] {1.4, 1.35, 1.15, 0.95, 0.85, 0.75, 0.7, 0.7, 0.8, 0.95, 1.15, 1.35});

  private RatePresets() {}

  /**
   * The activity curve of {@code hourly}, {@code weekday}, {@code monthly} and {@code
   * utc_offset_hours} (the shape parameters of {@code poisson_process}, with its defaults), or null
   * after recording problems: a curve with every hour, weekday or month at weight 0 has no activity
   * at all.
   */
  public static IntensityCurve curve(Params p) {
    double[] hourly = weights(p, "hourly", HOURLY, 24, "hour");
    double[] weekly = weights(p, "weekday", WEEKLY, 7, "day, Monday first");
    double[] monthly = weights(p, "monthly", MONTHLY, 12, "month");
    double offset = p.number("utc_offset_hours", "-5", 0);
    if (!(offset >= -14 && offset <= 14)) {
      p.problem("utc_offset_hours", "must be between -14 and 14", "use e.g. utc_offset_hours: 1");
    }
    allZero(p, "hourly", hourly, "hour");
    allZero(p, "weekday", weekly, "weekday");
    allZero(p, "monthly", monthly, "month");
    if (!p.ok()) {
      return null;
    }
    return new IntensityCurve(hourly, weekly, monthly, Math.round(offset * 3_600_000L));
  }

  private static void allZero(Params p, String name, double[] w, String unit) {
    if (w != null && java.util.Arrays.stream(w).allMatch(x -> x == 0)) {
      p.problem(
          name,
          "every weight is 0, so no " + unit + " has any activity",
          "give at least one " + unit + " a weight > 0");
    }
  }

  private static double[] fill(int n) {
    double[] d = new double[n];
    java.util.Arrays.fill(d, 1.0);
    return d;
  }

  /** The weights of {@code name}: a preset name or a list of {@code n} weights >= 0. */
  static double[] weights(
      Params p, String name, Map<String, double[]> presets, int n, String unit) {
    Object raw = p.raw(name);
    if (raw == null) {
      return presets.get("flat");
    }
    if (raw instanceof String s) {
      double[] preset = presets.get(s.trim().toLowerCase(Locale.ROOT));
      if (preset == null) {
        p.problem(
            name,
            "unknown curve '" + s + "'",
            "use one of "
                + String.join(", ", presets.keySet().stream().sorted().toList())
                + ", or "
                + n
                + " weights, one per "
                + unit);
      }
      return preset;
    }
    if (raw instanceof List<?> l && l.size() == n) {
      double[] w = new double[n];
      for (int i = 0; i < n; i++) {
        Object v = l.get(i);
        w[i] = v instanceof Number num ? num.doubleValue() : Double.NaN;
        if (!(w[i] >= 0) || Double.isInfinite(w[i])) {
          p.problem(name + "[" + i + "]", "must be a weight >= 0, got '" + v + "'", "use e.g. 1.2");
          return null;
        }
      }
      return w;
    }
    p.problem(
        name,
        "must be a curve name or " + n + " weights (one per " + unit + ")",
        "use e.g. "
            + name
            + ": "
            + presets.keySet().stream()
                .filter(k -> !k.equals("flat"))
                .sorted()
                .findFirst()
                .orElse("flat"));
    return null;
  }
}
