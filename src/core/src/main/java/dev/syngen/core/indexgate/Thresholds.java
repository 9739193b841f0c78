package dev.syngen.core.indexgate;

import dev.syngen.core.problem.Problems;

/**
 * When the gate says GO: the average latency improvement over the queries above {@code
 * minImprovementPct}, the share of Sort nodes eliminated above {@code minSortsEliminatedPct}, and
 * at most {@code maxDegraded} queries slower by more than {@code degradedPct} (and by at least
 * {@link #NOISE_MS}, below which timings are noise).
 */
public record Thresholds(
    double minImprovementPct, double minSortsEliminatedPct, int maxDegraded, double degradedPct) {
  public static final Thresholds DEFAULT = new Thresholds(30, 60, 1, 10);

  /** A query is never called degraded for less than this many milliseconds. */
  public static final double NOISE_MS = 0.05;

  /** Checks the values; problems carry the names {@code min_improvement} and so on. */
  public void validate(Problems problems) {
    percent(problems, "min_improvement", minImprovementPct, 100);
    percent(problems, "min_sorts_eliminated", minSortsEliminatedPct, 100);
    if (maxDegraded < 0 || maxDegraded > QuerySet.MAX_QUERIES) {
      problems.add(
          "max_degraded",
          "must be between 0 and " + QuerySet.MAX_QUERIES + ", got " + maxDegraded,
          "write e.g. 1");
    }
    percent(problems, "degraded_by", degradedPct, 1000);
  }

  private static void percent(Problems problems, String name, double v, double max) {
    if (!(v >= 0 && v <= max)) {
      problems.add(
          name, "must be a percentage between 0 and " + (int) max + ", got " + v, "write e.g. 30");
    }
  }
}
