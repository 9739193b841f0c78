package dev.syngen.server.interfaces.console;

import dev.syngen.core.fidelity.Band;
import dev.syngen.core.fidelity.Check;
import dev.syngen.server.interfaces.view.RunView;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Arrays;
import java.util.List;

/**
 * A run's fidelity page: the newest report with the HTML report's charts, and its guided prompts
 * with their one-click fixes; admins check the run again (at a suggested tolerance in one click).
 */
@Named
@RequestScoped
public class FidelityBean {
  @Inject ConsoleFacade facade;

  private String run;
  private RunView runView;
  private boolean runLoaded;
  private FidelityReportView report;
  private boolean reportLoaded;
  private String tolerance = Band.NORMAL.label();

  /** The run id from the request: the query of a GET, the hidden field of a postback. */
  @PostConstruct
  void readRun() {
    FacesContext faces = FacesContext.getCurrentInstance();
    if (faces != null) {
      run = faces.getExternalContext().getRequestParameterMap().get("run");
    }
  }

  public String getRun() {
    return run;
  }

  public void setRun(String run) {
    this.run = run;
  }

  /** The run, or null when there is none with this id. */
  public RunView getRunView() {
    if (!runLoaded) {
      runLoaded = true;
      try {
        runView = run == null || run.isBlank() ? null : facade.run(run);
      } catch (RuntimeException e) {
        runView = null;
      }
    }
    return runView;
  }

  public boolean isMissing() {
    return getRunView() == null;
  }

  /** The newest report, or null if the run was never checked. */
  public FidelityReportView getReport() {
    if (!reportLoaded) {
      reportLoaded = true;
      report = isMissing() ? null : facade.fidelityReport(run).orElse(null);
      if (report != null) {
        tolerance = Band.parse(report.tolerance()).orElse(Band.NORMAL).label();
      }
    }
    return report;
  }

  public List<FidelityPrompt> getPrompts() {
    FidelityReportView r = getReport();
    return r == null ? List.of() : FidelityAdvisor.prompts(r.report(), getRunView());
  }

  public String numbers(Check c) {
    return FidelityReportView.numbers(c);
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

  /** Checks the run with the chosen tolerance. */
  public String check() {
    return checkAt(tolerance);
  }

  /** Checks the run with {@code band}: a prompt's one-click fix. */
  public String checkAt(String band) {
    if (!Pages.posted(band, "tolerance")) {
      return null;
    }
    Band chosen = Band.parse(band).orElse(null);
    if (chosen == null) {
      Pages.error(
          null,
          "Tolerance '" + band + "' is not one of " + String.join(", ", getTolerances()) + ".");
      return null;
    }
    try {
      FidelityView v = facade.checkFidelity(run, chosen);
      Pages.infoAfterRedirect(
          "Fidelity of run "
              + run
              + " at tolerance "
              + band
              + ": "
              + v.verdict()
              + " ("
              + v.checks().size()
              + " checks).");
      return Pages.go("fidelity.xhtml?run=" + run);
    } catch (RuntimeException e) {
      Pages.error(null, ConsoleErrors.message(e));
      return null;
    }
  }
}
