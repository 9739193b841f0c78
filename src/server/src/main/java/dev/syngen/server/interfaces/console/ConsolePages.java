package dev.syngen.server.interfaces.console;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import java.util.List;
import java.util.Map;

/**
 * The console's sidebar and breadcrumbs: every page in the order the sidebar lists them, and the
 * sidebar entry a page belongs to (a run's page sits under the run history).
 */
@Named
@ApplicationScoped
public class ConsolePages {
  static final List<ConsolePage> ALL =
      List.of(
          new ConsolePage("dashboard", "index.xhtml", "Dashboard"),
          new ConsolePage("runs", "runs.xhtml", "Runs"),
          new ConsolePage("new-run", "new-run.xhtml", "New run"),
          new ConsolePage("targets", "targets.xhtml", "Targets"),
          new ConsolePage("scenarios", "scenarios.xhtml", "Scenarios"),
          new ConsolePage("scenario-editor", "scenario-editor.xhtml", "Scenario editor"),
          new ConsolePage("corpora", "corpora.xhtml", "Corpora"),
          new ConsolePage("llm", "llm.xhtml", "LLM providers"),
          new ConsolePage("index-gate", "index-gate.xhtml", "Index gate"),
          new ConsolePage("draft", "draft.xhtml", "Draft from database"),
          new ConsolePage("profile", "profile.xhtml", "Profile and clusters"),
          new ConsolePage("audit", "audit.xhtml", "Audit log"));

  /** Pages without an entry of their own, by the entry they sit under. */
  private static final Map<String, String> PARENTS =
      Map.of("run.xhtml", "runs.xhtml", "fidelity.xhtml", "runs.xhtml");

  public List<ConsolePage> getAll() {
    return ALL;
  }

  /** The entry of the page being rendered, or null outside the sidebar's pages. */
  public ConsolePage getCurrent() {
    return of(currentFile());
  }

  public boolean isCurrent(ConsolePage page) {
    return page.equals(getCurrent());
  }

  static ConsolePage of(String file) {
    String f = PARENTS.getOrDefault(file, file);
    return ALL.stream().filter(p -> p.file().equals(f)).findFirst().orElse(null);
  }

  private static String currentFile() {
    FacesContext ctx = FacesContext.getCurrentInstance();
    if (ctx == null || ctx.getViewRoot() == null) {
      return "";
    }
    String id = ctx.getViewRoot().getViewId();
    return id.substring(id.lastIndexOf('/') + 1);
  }
}
