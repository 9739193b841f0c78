package dev.syngen.server.application.indexgate;

import dev.syngen.core.indexgate.GateDecision;
import java.time.Instant;
import java.util.List;

/**
 * A finished gate the server keeps: who ran it on which target, the verdict and decision, the JSON
 * (with both baselines), the HTML report, and the indexes dropped again.
 */
public record StoredGate(
    String id,
    Instant createdAt,
    String actor,
    String target,
    String verdict,
    GateDecision decision,
    String json,
    String html,
    List<String> rolledBack) {
  public StoredGate {
    rolledBack = List.copyOf(rolledBack);
  }
}
