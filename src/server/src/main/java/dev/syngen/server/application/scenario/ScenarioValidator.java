package dev.syngen.server.application.scenario;

import dev.syngen.core.plan.CompiledPlan;
import dev.syngen.core.plan.PlanCompiler;
import dev.syngen.core.plan.RunOverrides;
import dev.syngen.core.problem.Problems;
import dev.syngen.core.scenario.Scenario;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Validates a scenario document the way a run would: parse, map, compile; nothing is written. */
@ApplicationScoped
public class ScenarioValidator {
  @Inject PlanCompiler compiler;

  public ScenarioCheck check(String document) {
    Problems problems = new Problems();
    Scenario s = ScenarioDocuments.read(document, "inline", "", problems);
    CompiledPlan plan = s == null ? null : compiler.compile(s, RunOverrides.NONE, problems);
    return new ScenarioCheck(s == null ? null : s.id(), problems.list(), plan);
  }
}
