package dev.syngen.core.indexgate;

import java.util.List;

/** A gate run: both baselines, the decision, and the indexes dropped again on rollback. */
public record GateOutcome(
    Baseline before, Baseline after, GateDecision decision, List<String> rolledBack) {
  public GateOutcome {
    rolledBack = List.copyOf(rolledBack);
  }

  public String html() {
    return IndexGateHtml.render(decision, before, after);
  }
}
