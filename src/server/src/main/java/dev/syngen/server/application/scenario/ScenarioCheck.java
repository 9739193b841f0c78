package dev.syngen.server.application.scenario;

import dev.syngen.core.plan.CompiledPlan;
import dev.syngen.core.problem.Problem;
import java.util.List;

/** The outcome of validating a scenario document: every problem, or the plan it compiles to. */
public record ScenarioCheck(String scenarioId, List<Problem> errors, CompiledPlan plan) {
  public ScenarioCheck {
    errors = List.copyOf(errors);
  }

  public boolean valid() {
    return errors.isEmpty();
  }

  public List<String> warnings() {
    return plan == null ? List.of() : plan.warnings();
  }
}
