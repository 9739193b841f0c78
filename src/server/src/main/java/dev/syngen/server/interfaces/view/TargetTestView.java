package dev.syngen.server.interfaces.view;

import dev.syngen.core.sink.Redactor;
import dev.syngen.core.sink.TargetTestResult;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

/** The outcome of {@code POST /targets/{id}/test}. */
@JsonbPropertyOrder({"ok", "latencyMs", "serverVersion", "capabilities", "error"})
public record TargetTestView(
    boolean ok, long latencyMs, String serverVersion, Capabilities capabilities, String error) {

  /** What syngen may do on the target. */
  public record Capabilities(boolean canCreate, boolean canTruncate, boolean canInsert) {}

  public static TargetTestView of(TargetTestResult r) {
    return new TargetTestView(
        r.ok(),
        r.latencyMs(),
        r.serverVersion(),
        new Capabilities(r.canCreate(), r.canTruncate(), r.canInsert()),
        Redactor.text(r.error()));
  }
}
