package dev.syngen.server.interfaces.console;

import dev.syngen.core.problem.Problem;
import dev.syngen.core.scenario.ScaleBand;
import dev.syngen.server.application.scenario.ScenarioFile;
import java.util.List;

/** A scenario of the catalogue as the console lists it, with the scale bands it declares. */
public record ScenarioSummary(
    String id,
    String file,
    String name,
    int entities,
    boolean valid,
    List<Problem> problems,
    List<String> bands) {
  static ScenarioSummary of(ScenarioFile f) {
    return new ScenarioSummary(
        f.id(),
        f.file(),
        f.scenario() == null ? f.id() : f.scenario().name(),
        f.scenario() == null ? 0 : f.scenario().entities().size(),
        f.valid(),
        f.problems(),
        f.scenario() == null
            ? List.of()
            : f.scenario().bands().stream().map(ScaleBand::name).toList());
  }
}
