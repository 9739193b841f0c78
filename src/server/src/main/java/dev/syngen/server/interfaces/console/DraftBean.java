package dev.syngen.server.interfaces.console;

import dev.syngen.core.problem.Problems;
import dev.syngen.core.scenario.Scenario;
import dev.syngen.core.schema.DraftRequest;
import dev.syngen.server.application.scenario.DraftOutcome;
import dev.syngen.server.application.scenario.ScenarioDocuments;
import dev.syngen.server.application.scenario.ScenarioDrafts;
import dev.syngen.server.interfaces.view.TargetView;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Draft from database: pick a postgres or sqlite target, a schema and tables, preview the drafted
 * scenario (YAML, entity diagram, notes), and save it into scenarios/ under a validated id.
 */
@Named
@ViewScoped
public class DraftBean implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final Set<String> KINDS = Set.of("postgres", "postgresql", "sqlite");

  @Inject ConsoleFacade facade;
  @Inject ScenarioDrafts drafts;

  private String target;
  private String schema;
  private String include;
  private String exclude;
  private Integer sample = 20_000;
  private Integer k = 10;
  private String onUnknown = "skip";
  private String id;
  private boolean overwrite;
  private DraftOutcome outcome;
  private String diagram;

  /** The targets a draft can read. */
  public List<TargetView> getTargets() {
    return facade.targets().stream().filter(t -> KINDS.contains(t.kind())).toList();
  }

  public List<String> getOnUnknownChoices() {
    return List.of("skip", "null", "fail");
  }

  public void preview() {
    run(false);
  }

  public void save() {
    run(true);
  }

  private void run(boolean save) {
    Problems problems = new Problems();
    if (target == null || target.isBlank()) {
      problems.add("target", "is missing", "pick a postgres or sqlite target");
    }
    DraftRequest r =
        DraftRequest.of(
            schema, split(include), split(exclude), sample, k, onUnknown, id, null, problems);
    if (sample != null && sample > ScenarioDrafts.MAX_SAMPLE) {
      problems.add(
          "sample", "must be at most " + ScenarioDrafts.MAX_SAMPLE, "sample fewer rows per table");
    }
    if (save && r.id() == null) {
      problems.add("id", "is needed to save", "give the scenario an id, e.g. shop-copy");
    }
    if (!problems.isEmpty()) {
      problems.list().forEach(p -> Pages.error("draft:" + field(p.path()), p.toString()));
      return;
    }
    try {
      outcome = drafts.draft(target, r, save, overwrite);
      Problems read = new Problems();
      Scenario s = ScenarioDocuments.read(outcome.yaml(), outcome.id(), "", read);
      diagram = s == null ? null : ScenarioDiagram.svg(s);
      Pages.info(
          outcome.savedAs() != null
              ? "Saved scenarios/"
                  + outcome.savedAs()
                  + " ("
                  + outcome.tables().size()
                  + " tables)."
              : "Drafted "
                  + outcome.tables().size()
                  + " tables in "
                  + (outcome.readMillis() + outcome.sampleMillis() + outcome.draftMillis())
                  + " ms; review it, then save it.");
    } catch (RuntimeException e) {
      Pages.error(null, ConsoleErrors.message(e));
    }
  }

  private static String field(String path) {
    return switch (path) {
      case "on_unknown" -> "onUnknown";
      case "target", "schema", "include", "exclude", "sample", "k", "id" -> path;
      default -> "target";
    };
  }

  private static List<String> split(String s) {
    return s == null || s.isBlank() ? List.of() : Arrays.asList(s.split(","));
  }

  public List<YamlLine> getLines() {
    return outcome == null ? List.of() : ProblemLines.annotate(outcome.yaml(), List.of());
  }

  public DraftOutcome getOutcome() {
    return outcome;
  }

  public String getDiagram() {
    return diagram;
  }

  public String getTarget() {
    return target;
  }

  public void setTarget(String target) {
    this.target = target;
  }

  public String getSchema() {
    return schema;
  }

  public void setSchema(String schema) {
    this.schema = schema;
  }

  public String getInclude() {
    return include;
  }

  public void setInclude(String include) {
    this.include = include;
  }

  public String getExclude() {
    return exclude;
  }

  public void setExclude(String exclude) {
    this.exclude = exclude;
  }

  public Integer getSample() {
    return sample;
  }

  public void setSample(Integer sample) {
    this.sample = sample;
  }

  public Integer getK() {
    return k;
  }

  public void setK(Integer k) {
    this.k = k;
  }

  public String getOnUnknown() {
    return onUnknown;
  }

  public void setOnUnknown(String onUnknown) {
    this.onUnknown = onUnknown;
  }

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }

  public boolean isOverwrite() {
    return overwrite;
  }

  public void setOverwrite(boolean overwrite) {
    this.overwrite = overwrite;
  }
}
