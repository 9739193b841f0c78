package dev.syngen.server.interfaces.console;

import dev.syngen.core.fidelity.Band;
import dev.syngen.server.interfaces.view.RunLogView;
import dev.syngen.server.interfaces.view.RunView;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Arrays;
import java.util.List;

/**
 * One run: its record, progress, log (filtered by level), error explained, fidelity verdict, and
 * its actions.
 */
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
  private FidelityView fidelity;
  private boolean fidelityLoaded;
  private String tolerance = Band.NORMAL.label();

  /**
   * The run id from the request: the query of a GET, and on a postback the hidden {@code id} field
   * of the page's forms. The page's content (its buttons included) is only in the component tree
   * when its run is known, and that is decided before view parameters are applied.
   */
  @PostConstruct
  void readId() {
    FacesContext faces = FacesContext.getCurrentInstance();
    if (faces != null) {
      id = faces.getExternalContext().getRequestParameterMap().get("id");
    }
  }

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

  /** The newest fidelity report, or null if the run was never checked. */
  public FidelityView getFidelity() {
    if (!fidelityLoaded) {
      fidelityLoaded = true;
      fidelity = isMissing() ? null : facade.fidelity(id).orElse(null);
    }
    return fidelity;
  }

  public String getTolerance() {
    return tolerance;
  }

  public void setTolerance(String tolerance) {
    this.tolerance = tolerance;
  }

  public List<String> getTolerances() {
    return Arrays.stream(Band.values()).map(Band::label).toList();
  }

  /** Reads the run's data back from its target and judges it; the page shows the new report. */
  public String checkFidelity() {
    try {
      Band band = Band.parse(tolerance).orElse(Band.NORMAL);
      FidelityView v = facade.checkFidelity(id, band);
      Pages.infoAfterRedirect(
          "Fidelity of run " + id + ": " + v.verdict() + " (" + v.checks().size() + " checks).");
      return Pages.go("run.xhtml?id=" + id);
    } catch (RuntimeException e) {
      Pages.error(null, ConsoleErrors.message(e));
      return null;
    }
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
