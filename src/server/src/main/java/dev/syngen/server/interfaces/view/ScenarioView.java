package dev.syngen.server.interfaces.view;

import dev.syngen.core.scenario.Entity;
import dev.syngen.core.scenario.Scenario;
import dev.syngen.server.application.scenario.ScenarioFile;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;

/**
 * A scenario of the catalogue; {@code document} (the YAML text) only in the single-scenario view.
 */
@JsonbPropertyOrder({
  "id",
  "file",
  "name",
  "version",
  "description",
  "valid",
  "entities",
  "errors",
  "document"
})
public record ScenarioView(
    String id,
    String file,
    String name,
    String version,
    String description,
    boolean valid,
    List<EntitySummary> entities,
    List<ProblemView> errors,
    String document) {

  /** An entity's name, table, declared rows and column count. */
  public record EntitySummary(String name, String table, long rows, int columns) {}

  public static ScenarioView summary(ScenarioFile f) {
    return of(f, null);
  }

  public static ScenarioView full(ScenarioFile f) {
    return of(f, f.document());
  }

  private static ScenarioView of(ScenarioFile f, String document) {
    Scenario s = f.scenario();
    List<EntitySummary> entities =
        s == null
            ? List.of()
            : s.entities().stream()
                .map(
                    (Entity e) ->
                        new EntitySummary(e.name(), e.targetTable(), e.rows(), e.columns().size()))
                .toList();
    return new ScenarioView(
        f.id(),
        f.file(),
        s == null ? null : s.name(),
        s == null ? null : s.version(),
        s == null ? null : s.description(),
        f.valid(),
        entities,
        f.problems().stream().map(ProblemView::of).toList(),
        document);
  }
}
