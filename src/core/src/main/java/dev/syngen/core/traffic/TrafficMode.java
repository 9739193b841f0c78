package dev.syngen.core.traffic;

import java.util.Locale;

/** How a rate is met over time. */
public enum TrafficMode {
  /** Token-bucket pacing: an even flow at the rate. */
  STEADY,
  /** Full speed in windows, then idle until the window ends, so the average meets the rate. */
  BURST,
  /**
   * Records at their natural size, each with a weight header standing for a larger logical payload;
   * the rate counts logical bytes.
   */
  SAMPLED;

  public static TrafficMode parse(String s) {
    try {
      return valueOf(s.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new IllegalArgumentException(
          "traffic mode '" + s + "' is unknown; use steady, burst or sampled");
    }
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
