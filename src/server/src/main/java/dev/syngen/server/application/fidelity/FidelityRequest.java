package dev.syngen.server.application.fidelity;

import dev.syngen.core.fidelity.Band;

/**
 * How strictly to judge a run's data: the tolerance band of percentile and share checks, the
 * significance level of the statistical tests, and the rows sampled per table.
 */
public record FidelityRequest(Band tolerance, double alpha, int sampleRows) {
  public static final FidelityRequest DEFAULT = new FidelityRequest(Band.NORMAL, 0.01, 20_000);
}
