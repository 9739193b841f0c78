package dev.syngen.server.interfaces.console;

import dev.syngen.core.problem.Problems;
import dev.syngen.server.application.target.TargetSpec;
import dev.syngen.server.application.target.TargetSpecs;
import dev.syngen.server.interfaces.view.TargetTestView;
import dev.syngen.server.interfaces.view.TargetView;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Targets: list, create, edit, delete and test; DSNs are shown redacted. */
@Named
@ViewScoped
public class TargetsBean implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject ConsoleFacade facade;

  private String id;
  private String name;
  private String kind = "postgres";
  private String dsn;
  private String schema;
  private boolean editing;
  private String tested;
  private TargetTestView result;

  public List<TargetView> getTargets() {
    return facade.targets();
  }

  public List<String> getKinds() {
    return List.of("postgres", "sqlite", "mariadb", "clickhouse", "csv", "ndjson");
  }

  /** Opens the form for a new target. */
  public void add() {
    editing = false;
    id = null;
    name = null;
    dsn = null;
    schema = null;
    kind = "postgres";
  }

  /** Fills the form with a target to change; its DSN must be typed again (it is never shown). */
  public void edit(String targetId) {
    TargetView t = facade.target(targetId);
    editing = true;
    id = t.id();
    name = t.name();
    kind = t.kind();
    dsn = null;
    schema = t.schema();
  }

  public void save() {
    Problems problems = new Problems();
    Map<String, Object> tree = new LinkedHashMap<>();
    tree.put("id", id);
    tree.put("name", name);
    tree.put("kind", kind);
    tree.put("dsn", dsn);
    if (schema != null && !schema.isBlank()) {
      tree.put("schema", schema);
    }
    TargetSpec spec = TargetSpecs.fromTree(tree, null, problems);
    if (!problems.isEmpty()) {
      problems.list().forEach(p -> Pages.error(fieldId(p.path()), p.toString()));
      return;
    }
    try {
      TargetView saved = editing ? facade.updateTarget(id, spec) : facade.createTarget(spec);
      Pages.info((editing ? "Saved target " : "Created target ") + saved.id() + ".");
      add();
    } catch (RuntimeException e) {
      List<FieldProblem> fields =
          ConsoleErrors.toFields(ConsoleErrors.problems(e), TargetsBean::fieldOf);
      if (fields.isEmpty()) {
        Pages.error(null, ConsoleErrors.message(e));
      }
      fields.forEach(p -> Pages.error(p.field() == null ? null : "target:" + p.field(), p.text()));
    }
  }

  public void delete(String targetId) {
    try {
      facade.deleteTarget(targetId);
      Pages.info("Deleted target " + targetId + ".");
    } catch (RuntimeException e) {
      Pages.error(null, ConsoleErrors.message(e));
    }
  }

  public void test(String targetId) {
    tested = targetId;
    try {
      result = facade.testTarget(targetId);
    } catch (RuntimeException e) {
      result = null;
      Pages.error(null, ConsoleErrors.message(e));
    }
  }

  private static String fieldId(String path) {
    String f = fieldOf(path);
    return f == null ? null : "target:" + f;
  }

  static String fieldOf(String path) {
    if (path == null) {
      return null;
    }
    String p = path.startsWith("target.") ? path.substring(7) : path;
    return switch (p) {
      case "id", "name", "kind", "dsn", "schema" -> p;
      default -> null;
    };
  }

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getKind() {
    return kind;
  }

  public void setKind(String kind) {
    this.kind = kind;
  }

  public String getDsn() {
    return dsn;
  }

  public void setDsn(String dsn) {
    this.dsn = dsn;
  }

  public String getSchema() {
    return schema;
  }

  public void setSchema(String schema) {
    this.schema = schema;
  }

  public boolean isEditing() {
    return editing;
  }

  public String getTested() {
    return tested;
  }

  public void setTested(String tested) {
    this.tested = tested;
  }

  public TargetTestView getResult() {
    return result;
  }
}
