package dev.syngen.server.interfaces.view;

import dev.syngen.core.plan.CompiledEntity;
import dev.syngen.server.application.scenario.ScenarioCheck;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;

/** The answer of {@code POST /scenarios/validate}: valid or every problem with its path. */
@JsonbPropertyOrder({"valid", "scenarioId", "errors", "warnings", "totalRows", "entityOrder"})
public record ValidationView(
    boolean valid,
    String scenarioId,
    List<ProblemView> errors,
    List<String> warnings,
    Long totalRows,
    List<String> entityOrder) {
  public static ValidationView of(ScenarioCheck c) {
    return new ValidationView(
        c.valid(),
        c.scenarioId(),
        c.errors().stream().map(ProblemView::of).toList(),
        c.warnings(),
        c.plan() == null ? null : c.plan().totalRows(),
        c.plan() == null
            ? List.of()
            : c.plan().included().stream().map(CompiledEntity::name).toList());
  }
}
