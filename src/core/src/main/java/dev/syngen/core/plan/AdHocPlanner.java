package dev.syngen.core.plan;

import dev.syngen.core.problem.Problem;
import dev.syngen.core.problem.ValidationException;
import dev.syngen.core.scenario.Entity;
import dev.syngen.core.scenario.Scenario;
import java.util.List;

/** Turns an {@link AdHocRequest} and its scenario into a plan that emits one entity. */
public final class AdHocPlanner {
  private final PlanCompiler compiler;

  public AdHocPlanner(PlanCompiler compiler) {
    this.compiler = compiler;
  }

  public CompiledPlan plan(Scenario scenario, AdHocRequest request) {
    List<String> names = scenario.entities().stream().map(Entity::name).toList();
    String entity = request.entity();
    if (entity == null && names.size() == 1) {
      entity = names.get(0);
    }
    if (entity == null || !names.contains(entity)) {
      throw new ValidationException(
          "request",
          List.of(
              new Problem(
                  "entity",
                  entity == null
                      ? "is required: scenario '"
                          + scenario.id()
                          + "' has "
                          + names.size()
                          + " entities"
                      : "no entity '" + entity + "' in scenario '" + scenario.id() + "'",
                  "use one of: " + String.join(", ", names))));
    }
    return compiler.compile(scenario, request.overrides(entity));
  }
}
