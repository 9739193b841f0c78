package dev.syngen.server.application.scenario;

import dev.syngen.core.problem.Problem;
import dev.syngen.core.scenario.Scenario;
import java.util.List;

/**
 * One scenario file of the catalogue: its id, file name and text, the scenario if it reads, and
 * every problem found (empty when valid).
 */
public record ScenarioFile(
    String id, String file, String document, Scenario scenario, List<Problem> problems) {
  public ScenarioFile {
    problems = List.copyOf(problems);
  }

  public boolean valid() {
    return problems.isEmpty();
  }
}
