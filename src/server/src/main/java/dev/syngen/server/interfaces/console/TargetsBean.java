package dev.syngen.server.interfaces.console;

import dev.syngen.core.problem.Problem;
import dev.syngen.core.problem.Problems;
import dev.syngen.core.sink.Redactor;
import dev.syngen.io.TargetFields;
import dev.syngen.server.application.target.DsnCredentials;
import dev.syngen.server.application.target.TargetSpec;
import dev.syngen.server.application.target.TargetSpecs;
import dev.syngen.server.interfaces.view.TargetTestView;
import dev.syngen.server.interfaces.view.TargetView;
import jakarta.faces.model.SelectItem;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Targets: the list for everyone; for admins a form per kind with exactly the fields that kind
 * takes ({@link TargetFields}), and test, edit and delete. Secrets (the DSN's password, secret
 * options) are write-only: never put back into the page, and left empty on an edit they keep the
 * stored value (the service keeps what is sent as {@link Redactor#MASK}). What a form means is
 * decided by the same reader and service as the REST API's.
 */
@Named
@ViewScoped
public class TargetsBean implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Where problems without a field of their own are shown: the extra options. */
  static final String MORE = "more";

  @Inject ConsoleFacade facade;

  private String id;
  private String name;
  private String kind = "postgres";
  private String dsn;
  private String password;
  private String schema;
  private final Map<String, String> options = new LinkedHashMap<>();
  private String more;
  private final Set<String> storedSecrets = new HashSet<>();
  private final Map<String, String> errors = new LinkedHashMap<>();
  private boolean editing;
  private String tested;
  private TargetTestView result;

  /** The targets' rows, as the page showed them while a click is handled (RowsShown). */
  public List<TargetView> getTargets() {
    return RowsShown.of("targets", facade::targets);
  }

  public List<SelectItem> getKinds() {
    return TargetFields.all().stream().map(k -> new SelectItem(k.kind(), k.label())).toList();
  }

  /** The fields of the chosen kind. */
  public TargetFields.Kind getForm() {
    TargetFields.Kind k = TargetFields.of(kind);
    return k == null ? TargetFields.all().get(0) : k;
  }

  /** What the extra options of the chosen kind are for. */
  public String getFamiliesHint() {
    List<String> families = getForm().families();
    return families.isEmpty() ? "options outside this form" : "e.g. " + String.join(", ", families);
  }

  /** Opens the form for a new target. */
  public void add() {
    editing = false;
    id = null;
    name = null;
    kind = "postgres";
    clearKindFields();
  }

  /** A new kind: its own fields, empty; what applies to every kind stays. */
  public void kindChanged() {
    clearKindFields();
  }

  private void clearKindFields() {
    dsn = null;
    password = null;
    schema = null;
    more = null;
    options.clear();
    storedSecrets.clear();
    errors.clear();
  }

  /** Fills the form with a target to change; its secrets stay on the server. */
  public void edit(String targetId) {
    if (!Pages.posted(targetId, "target")) {
      return;
    }
    TargetView t;
    try {
      t = facade.target(targetId);
    } catch (RuntimeException e) { // deleted since the page was shown
      Pages.error(null, ConsoleErrors.message(e));
      return;
    }
    editing = true;
    id = t.id();
    name = t.name();
    kind = TargetFields.of(t.kind()) == null ? t.kind() : TargetFields.of(t.kind()).kind();
    clearKindFields();
    DsnCredentials dsnParts = DsnCredentials.split(t.dsn());
    dsn = dsnParts.withoutPassword();
    if (dsnParts.password() != null) {
      storedSecrets.add("dsn");
    }
    schema = t.schema();
    StringBuilder extra = new StringBuilder();
    t.options()
        .forEach(
            (key, value) -> {
              TargetFields.Field f = getForm().option(key);
              if (f != null && f.type() == TargetFields.Type.SECRET) {
                storedSecrets.add(key);
              } else if (f != null) {
                options.put(key, value);
              } else {
                extra.append(key).append('=').append(value).append('\n');
              }
            });
    more = extra.isEmpty() ? null : extra.toString();
  }

  public void save() {
    errors.clear();
    Map<String, Object> tree = tree();
    if (!errors.isEmpty()) {
      return;
    }
    Problems problems = new Problems();
    TargetSpec spec = TargetSpecs.fromTree(tree, null, problems);
    if (!problems.isEmpty()) {
      show(problems.list());
      return;
    }
    try {
      TargetView saved = editing ? facade.updateTarget(id, spec) : facade.createTarget(spec);
      Pages.info((editing ? "Saved target " : "Created target ") + saved.id() + ".");
      add();
    } catch (RuntimeException e) {
      List<Problem> found = ConsoleErrors.problems(e);
      if (found.isEmpty()) {
        Pages.error(null, ConsoleErrors.message(e));
      }
      show(found);
    }
  }

  /** The form as a target document; a secret left empty on an edit is sent as the mask. */
  private Map<String, Object> tree() {
    TargetFields.Kind form = getForm();
    Map<String, Object> tree = new LinkedHashMap<>();
    tree.put("id", id);
    tree.put("name", blank(name) ? null : name);
    tree.put("kind", kind);
    tree.put("dsn", dsnWithPassword(form));
    if (form.takesSchema() && !blank(schema)) {
      tree.put("schema", schema.trim());
    }
    Map<String, String> opts = new LinkedHashMap<>();
    for (TargetFields.Field f : form.options()) {
      String v = options.get(f.key());
      if (!blank(v)) {
        opts.put(f.key(), v.trim());
      } else if (f.type() == TargetFields.Type.SECRET
          && editing
          && storedSecrets.contains(f.key())) {
        opts.put(f.key(), Redactor.MASK);
      }
    }
    extraOptions(opts);
    if (!opts.isEmpty()) {
      tree.put("options", opts);
    }
    return tree;
  }

  private String dsnWithPassword(TargetFields.Kind form) {
    if (blank(dsn)) {
      return null;
    }
    DsnCredentials typed = DsnCredentials.split(dsn.trim());
    String secret =
        !blank(password)
            ? DsnCredentials.encode(password)
            : typed.password() != null
                ? typed.password()
                : editing && storedSecrets.contains("dsn") ? Redactor.MASK : null;
    dsn = typed.withoutPassword(); // a password typed into the DSN is never shown again
    password = null;
    if (secret == null || !form.dsnPassword()) {
      return secret == null ? dsn : DsnCredentials.withPassword(dsn, secret);
    }
    String joined = DsnCredentials.withPassword(dsn, secret);
    if (joined == null) {
      errors.put(
          "password",
          "password: the DSN names no user to give it to — write the user before the host, e.g. "
              + form.dsnExample());
    }
    return joined;
  }

  /** The extra options, one {@code key=value} a line. */
  private void extraOptions(Map<String, String> opts) {
    if (blank(more)) {
      return;
    }
    int line = 0;
    for (String raw : more.split("\\R")) {
      line++;
      String l = raw.strip();
      if (l.isEmpty() || l.startsWith("#")) {
        continue;
      }
      int eq = l.indexOf('=');
      if (eq <= 0) {
        errors.put(
            MORE,
            "options, line "
                + line
                + ": '"
                + Redactor.text(l)
                + "' is not key=value"
                + " — write one option a line, e.g. "
                + example(getForm()));
        continue;
      }
      opts.put(l.substring(0, eq).strip(), l.substring(eq + 1).strip());
    }
  }

  private static String example(TargetFields.Kind form) {
    return form.families().isEmpty()
        ? "key=value"
        : form.families().get(0).replace("<entity>", "orders") + "=…";
  }

  /** Each problem at its field; those without one in the page's message area. */
  private void show(List<Problem> problems) {
    List<FieldProblem> fields = ConsoleErrors.toFields(problems, this::fieldOf);
    for (FieldProblem p : fields) {
      if (p.field() == null) {
        Pages.error(null, p.text());
      } else {
        errors.merge(p.field(), p.text(), (a, b) -> a + "\n" + b);
      }
    }
  }

  /** The form field a problem path belongs to, or null. */
  String fieldOf(String path) {
    if (path == null) {
      return null;
    }
    String p = path.startsWith("target.") ? path.substring(7) : path;
    if (p.startsWith("options.")) {
      String key = p.substring("options.".length());
      return getForm().option(key) != null ? key : MORE;
    }
    return switch (p) {
      case "id", "name", "kind", "dsn", "schema" -> p;
      default -> null;
    };
  }

  public void delete(String targetId) {
    if (!Pages.posted(targetId, "target")) {
      return;
    }
    try {
      facade.deleteTarget(targetId);
      Pages.info("Deleted target " + targetId + ".");
      if (targetId.equals(id) && editing) {
        add();
      }
    } catch (RuntimeException e) {
      Pages.error(null, ConsoleErrors.message(e));
    }
  }

  public void test(String targetId) {
    if (!Pages.posted(targetId, "target")) {
      return;
    }
    tested = targetId;
    try {
      result = facade.testTarget(targetId);
    } catch (RuntimeException e) {
      result = null;
      Pages.error(null, ConsoleErrors.message(e));
    }
  }

  /** The problem at {@code field}, or null. */
  public String error(String field) {
    return errors.get(field);
  }

  /** Whether a secret is stored for {@code field} ({@code dsn} for the DSN's password). */
  public boolean stored(String field) {
    return storedSecrets.contains(field);
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
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

  /** Write-only: the page never gets a password back. */
  public String getPassword() {
    return null;
  }

  public void setPassword(String password) {
    this.password = password;
  }

  public String getSchema() {
    return schema;
  }

  public void setSchema(String schema) {
    this.schema = schema;
  }

  /** The option values by key; secret ones are only ever written here, never read back. */
  public Map<String, String> getOptions() {
    return options;
  }

  public String getMore() {
    return more;
  }

  public void setMore(String more) {
    this.more = more;
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
