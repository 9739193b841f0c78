package dev.syngen.core.fidelity;

import java.util.List;

/**
 * What a check's chart shows: bins (histogram buckets or categories) with the expected and the
 * observed share of values in each.
 */
public record Chart(
    String title, List<String> labels, List<Double> expected, List<Double> observed) {
  public Chart {
    labels = List.copyOf(labels);
    expected = List.copyOf(expected);
    observed = List.copyOf(observed);
  }
}
