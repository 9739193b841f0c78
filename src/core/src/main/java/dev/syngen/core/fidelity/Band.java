package dev.syngen.core.fidelity;

import java.util.Locale;
import java.util.Optional;

/**
 * How far observed data may stray from what was declared: strict 5%, normal 15%, relaxed 30%.
 * Percentile, share and null-rate deviations are compared with the band directly; distance
 * statistics (Kolmogorov–Smirnov D, total variation between shares) with a third of it.
 */
public enum Band {
  STRICT(0.05),
  NORMAL(0.15),
  RELAXED(0.30);

  private final double tolerance;

  Band(double tolerance) {
    this.tolerance = tolerance;
  }

  public double tolerance() {
    return tolerance;
  }

  /** The largest distance (KS D or total variation) a distribution check allows. */
  public double distance() {
    return tolerance / 3;
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Band> parse(String s) {
    if (s == null) {
      return Optional.empty();
    }
    for (Band b : values()) {
      if (b.label().equals(s.trim().toLowerCase(Locale.ROOT))) {
        return Optional.of(b);
      }
    }
    return Optional.empty();
  }
}
