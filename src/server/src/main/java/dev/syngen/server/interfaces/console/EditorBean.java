package dev.syngen.server.interfaces.console;

import dev.syngen.core.plan.CompiledPlan;
import dev.syngen.core.problem.Problem;
import dev.syngen.core.problem.Problems;
import dev.syngen.core.scenario.Scenario;
import dev.syngen.server.application.scenario.ScenarioCheck;
import dev.syngen.server.application.scenario.ScenarioDocuments;
import dev.syngen.server.application.scenario.ScenarioEditor;
import dev.syngen.server.application.scenario.ScenarioEditorBean;
import dev.syngen.server.application.scenario.ScenarioFile;
import dev.syngen.server.application.scenario.ScenarioValidator;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The scenario editor: a new scenario, an existing one ({@code ?id=}) or a copy of one ({@code
 * ?copy=}); validated while typing with each problem at its line, the entity diagram and the plan
 * drawn from the text; an admin saves it or uploads a file into the scenarios directory (audited),
 * a viewer reads it.
 */
@Named
@ViewScoped
public class EditorBean implements Serializable {
  private static final long serialVersionUID = 1L;

  private static final Pattern TOP_ID = Pattern.compile("(?m)^id:[^\\n]*$");

  static final String NEW =
      "id: my-scenario\n"
          + "name: My scenario\n"
          + "seed: 42\n"
          + "entities:\n"
          + "  - name: customers\n"
          + "    rows: 100\n"
          + "    columns:\n"
          + "      - name: id\n"
          + "        type: bigint\n"
          + "        generator: {type: sequence, params: {start: 1}}\n";

  @Inject ConsoleFacade facade;
  @Inject ScenarioValidator validator;
  @EJB ScenarioEditor editor;

  private String id;
  private String copy;
  private boolean editing;
  private String scenarioId;
  private String document;
  private transient Part upload;
  private List<Problem> problems = List.of();
  private boolean valid;
  private transient CompiledPlan plan;
  private String diagram;
  private boolean diagramCurrent;

  /** Fills the editor when the page opens: the scenario edited or copied, else a template. */
  public void load() {
    ScenarioFile from = facade.scenarioFile(id != null ? id : copy);
    if (from != null && id != null) {
      editing = true;
      scenarioId = stem(from.file());
      document = from.document();
    } else if (from != null) {
      scenarioId = copy + "-copy";
      document = withId(from.document(), scenarioId);
    } else {
      scenarioId = "my-scenario";
      document = NEW;
    }
    validate();
  }

  private static String stem(String file) {
    String name = file.substring(file.lastIndexOf('/') + 1);
    return name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name;
  }

  /** The document with its top-level id set to {@code newId}. */
  static String withId(String doc, String newId) {
    return TOP_ID.matcher(doc).find()
        ? TOP_ID.matcher(doc).replaceFirst("id: " + newId)
        : "id: " + newId + "\n" + doc;
  }

  /**
   * Validates the text; the diagram follows every text that still reads as a scenario (also one
   * whose generators have problems), else it keeps the last one drawn.
   */
  public void validate() {
    String text = document == null ? "" : document;
    ScenarioCheck c = validator.check(text);
    problems = c.errors();
    valid = c.valid();
    plan = c.plan();
    Scenario s = ScenarioDocuments.read(text, "inline", "", new Problems());
    diagramCurrent = s != null && !s.entities().isEmpty();
    if (diagramCurrent) {
      diagram = ScenarioDiagram.svg(s);
    }
  }

  /**
   * Reads an uploaded file into the editor and saves it when it is valid (a new scenario, named
   * after the file unless an existing one is edited); an invalid file is saved nowhere, its
   * problems stand at their lines.
   */
  String read(Part part) {
    if (part == null || part.getSize() == 0) {
      Pages.error(null, "Choose a .yaml file first.");
      return null;
    }
    if (part.getSize() > ScenarioEditorBean.MAX_CHARS) {
      Pages.error(null, "The file is larger than 1 MiB; a scenario is far smaller.");
      return null;
    }
    try (InputStream in = part.getInputStream()) {
      document = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      Pages.error(null, "The file could not be read: " + e.getMessage());
      return null;
    }
    String name = part.getSubmittedFileName();
    if (!editing && name != null && name.matches("[A-Za-z0-9_][A-Za-z0-9_-]{0,63}\\.ya?ml")) {
      scenarioId = name.substring(0, name.lastIndexOf('.'));
    }
    validate();
    if (!valid) {
      Pages.error(
          null,
          name
              + " was not saved: "
              + problems.size()
              + " problem(s), each shown at its line; fix them and save.");
      return null;
    }
    return save();
  }

  public String uploadFile() {
    return read(upload);
  }

  public String save() {
    validate();
    if (!valid) {
      Pages.error(null, problems.size() + " problem(s); each is shown at its line.");
      return null;
    }
    try {
      String file = editor.save(scenarioId, document, editing);
      Pages.infoAfterRedirect("Saved scenarios/" + file + ".");
      return Pages.go("scenarios.xhtml?id=" + scenarioId);
    } catch (RuntimeException e) {
      Pages.error(null, ConsoleErrors.message(e));
      return null;
    }
  }

  /** Each problem with the line it is at, in line order. */
  public List<YamlLine> getProblemLines() {
    return ProblemLines.annotate(document == null ? "" : document, problems).stream()
        .filter(l -> l.problem() != null)
        .toList();
  }

  public List<YamlLine> getLines() {
    return ProblemLines.annotate(document == null ? "" : document, problems);
  }

  /** The entities and their foreign keys as SVG, from the newest text that reads as a scenario. */
  public String getDiagram() {
    return diagram;
  }

  /** False while the text does not read as a scenario and the diagram is an older one. */
  public boolean isDiagramCurrent() {
    return diagramCurrent;
  }

  /** The plan the valid text compiles to (execution order, rows, warnings), else null. */
  public CompiledPlan getPlan() {
    return plan;
  }

  public boolean isValid() {
    return valid;
  }

  public boolean isEditing() {
    return editing;
  }

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }

  public String getCopy() {
    return copy;
  }

  public void setCopy(String copy) {
    this.copy = copy;
  }

  public String getScenarioId() {
    return scenarioId;
  }

  public void setScenarioId(String scenarioId) {
    this.scenarioId = scenarioId;
  }

  public String getDocument() {
    return document;
  }

  public void setDocument(String document) {
    this.document = document;
  }

  public Part getUpload() {
    return upload;
  }

  public void setUpload(Part upload) {
    this.upload = upload;
  }
}
