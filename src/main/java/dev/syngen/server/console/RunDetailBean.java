package dev.syngen.server.console;

import dev.syngen.server.rest.view.RunLogView;
import dev.syngen.server.rest.view.RunView;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** One run: its record, progress, log (filtered by level), error explained, and its actions. */
@Named
@RequestScoped
public class RunDetailBean {
  static final int LOG_LINES = 200;
  static final int PREVIEW_ROWS = 5;

  @Inject ConsoleFacade facade;
  @Inject Inspection inspection;

  private String id;
  private String level;
  private RunView run;
  private boolean missing;
  private List<EntityPreview> preview;
  private String previewProblem;

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }

  public String getLevel() {
    return level == null ? (inspection.isDebug() ? "DEBUG" : "INFO") : level;
  }

  public void setLevel(String level) {
    this.level = level == null || level.isBlank() ? null : level;
  }

  public List<String> getLevels() {
    return List.of("DEBUG", "INFO", "WARN", "ERROR");
  }

  public RunView getRun() {
    if (run == null && !missing && id != null) {
      try {
        run = facade.run(id);
      } catch (RuntimeException e) {
        missing = true;
      }
    }
    return run;
  }

  public boolean isMissing() {
    getRun();
    return run == null;
  }

  public List<RunLogView> getLog() {
    return isMissing() ? List.of() : facade.logs(id, getLevel(), LOG_LINES);
  }

  /** The first rows of each entity; empty (with a message) when the run cannot be replayed. */
  public List<EntityPreview> getPreview() {
    if (preview == null) {
      try {
        preview = isMissing() ? List.of() : facade.preview(id, PREVIEW_ROWS);
      } catch (RuntimeException e) {
        previewProblem = ConsoleErrors.message(e);
        preview = List.of();
      }
    }
    return preview;
  }

  public String getPreviewProblem() {
    getPreview();
    return previewProblem;
  }

  public Explanation getExplanation() {
    return isMissing() ? null : ErrorExplainer.explain(run.error());
  }

  public int getPercent() {
    RunView r = getRun();
    if (r == null || r.progressRowsTotal() <= 0) {
      return 0;
    }
    return (int) Math.min(100, r.progressRowsGenerated() * 100 / r.progressRowsTotal());
  }

  public boolean isActive() {
    RunView r = getRun();
    return r != null && ("running".equals(r.status()) || "pending".equals(r.status()));
  }

  public String cancel() {
    return act("Cancelled", () -> facade.cancel(id));
  }

  public String restart() {
    return act("Restarted", () -> facade.restart(id));
  }

  public String rerun() {
    return act("Started a re-run", () -> facade.rerun(id));
  }

  private String act(String done, java.util.function.Supplier<RunView> action) {
    try {
      RunView r = action.get();
      Pages.infoAfterRedirect(done + ": run " + r.id() + " is " + r.status() + ".");
      return Pages.go("run.xhtml?id=" + r.id());
    } catch (RuntimeException e) {
      Pages.error(null, ConsoleErrors.message(e));
      return null;
    }
  }
}
