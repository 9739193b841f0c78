package dev.syngen.server.interfaces.console;

import dev.syngen.core.problem.Problem;
import dev.syngen.server.application.scenario.ScenarioCheck;
import dev.syngen.server.application.scenario.ScenarioFile;
import dev.syngen.server.application.scenario.ScenarioValidator;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * Scenarios: the catalogue, one scenario's YAML with its problems at their lines, its entity
 * diagram, the state diagram of each lifecycle, and validation of an edited copy (nothing is
 * saved).
 */
@Named
@ViewScoped
public class ScenariosBean implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject ConsoleFacade facade;
  @Inject ScenarioValidator validator;

  private String id;
  private String draft;
  private List<Problem> problems;
  private String diagram;
  private List<LifecycleDiagram.View> lifecycles = List.of();
  private Boolean checked;

  public List<ScenarioSummary> getScenarios() {
    return facade.scenarios();
  }

  /** Loads the chosen scenario into the editor (called when the page opens). */
  public void load() {
    ScenarioFile f = id == null ? null : facade.scenarioFile(id);
    if (f == null) {
      return;
    }
    draft = f.document();
    problems = f.problems();
    diagram = f.scenario() == null ? null : ScenarioDiagram.svg(f.scenario());
    lifecycles = f.scenario() == null ? List.of() : LifecycleDiagram.views(f.scenario());
    checked = null;
  }

  public void validate() {
    ScenarioCheck c = validator.check(draft == null ? "" : draft);
    problems = c.errors();
    checked = c.valid();
    if (c.valid()) {
      Pages.info(
          "The scenario is valid: "
              + c.plan().totalRows()
              + " rows in "
              + c.plan().included().size()
              + " entities.");
    } else {
      Pages.error(null, c.errors().size() + " problem(s); each is shown at its line below.");
    }
  }

  public List<YamlLine> getLines() {
    return draft == null
        ? List.of()
        : ProblemLines.annotate(draft, problems == null ? List.of() : problems);
  }

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }

  public String getDraft() {
    return draft;
  }

  public void setDraft(String draft) {
    this.draft = draft;
  }

  public List<Problem> getProblems() {
    return problems == null ? List.of() : problems;
  }

  public String getDiagram() {
    return diagram;
  }

  /** The state diagrams of the scenario's lifecycles, each with its transition table. */
  public List<LifecycleDiagram.View> getLifecycles() {
    return lifecycles;
  }

  public Boolean getChecked() {
    return checked;
  }
}
