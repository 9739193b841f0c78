package dev.syngen.server.interfaces.console;

import dev.syngen.core.indexgate.GateDecision;
import dev.syngen.core.indexgate.GateOptions;
import dev.syngen.core.indexgate.GateOptions.Rollback;
import dev.syngen.core.indexgate.IndexGateHtml;
import dev.syngen.core.indexgate.PlanStats;
import dev.syngen.core.problem.Problems;
import dev.syngen.server.application.indexgate.IndexGateRequest;
import dev.syngen.server.application.indexgate.StoredGate;
import dev.syngen.server.interfaces.view.TargetView;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The index gate page: pick a PostgreSQL target and a pack's query set, run the gate, and read the
 * decision, the queries compared and the link to the report with the plans side by side.
 */
@Named
@ViewScoped
public class IndexGateBean implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject ConsoleFacade facade;

  private String target;
  private String pack;
  private String rollback = Rollback.NEVER.label();
  private int warmup = GateOptions.DEFAULT.warmup();
  private int runs = GateOptions.DEFAULT.runs();
  private String gateId;
  private GateDecision decision;
  private List<String> rolledBack = List.of();

  public List<TargetView> getTargets() {
    return facade.gateTargets();
  }

  public List<String> getPacks() {
    return facade.gatePacks();
  }

  public List<String> getRollbacks() {
    return Arrays.stream(Rollback.values()).map(Rollback::label).toList();
  }

  public void run() {
    GateOptions d = GateOptions.DEFAULT;
    GateOptions options =
        new GateOptions(
            warmup,
            runs,
            d.queryTimeout(),
            d.ddlTimeout(),
            d.analyze(),
            Rollback.parse(rollback).orElse(Rollback.NEVER),
            d.thresholds());
    Problems problems = new Problems();
    options.validate(problems);
    if (!problems.isEmpty()) {
      problems.list().forEach(p -> Pages.error(fieldId(p.path()), p.toString()));
      return;
    }
    try {
      StoredGate g = facade.runIndexGate(new IndexGateRequest(target, pack, null, null, options));
      gateId = g.id();
      decision = g.decision();
      rolledBack = g.rolledBack();
    } catch (RuntimeException e) {
      decision = null;
      Pages.error(null, ConsoleErrors.message(e));
    }
  }

  private static String fieldId(String path) {
    return switch (path) {
      case "warmup", "runs" -> "gate:" + path;
      default -> null;
    };
  }

  /** {@code 12.345 ms}. */
  public String ms(double v) {
    return String.format(Locale.ROOT, "%.3f ms", v);
  }

  /** {@code 98.1 %}. */
  public String pct(double v) {
    return String.format(Locale.ROOT, "%.1f %%", v);
  }

  public String join(List<String> items) {
    return String.join("; ", items);
  }

  public String scans(PlanStats s) {
    return IndexGateHtml.scans(s);
  }

  public String getReportUrl() {
    return gateId == null ? null : "../api/v1/index-gate/" + gateId + "/report.html";
  }

  public String getJsonUrl() {
    return gateId == null ? null : "../api/v1/index-gate/" + gateId;
  }

  public GateDecision getDecision() {
    return decision;
  }

  public List<String> getRolledBack() {
    return rolledBack;
  }

  public String getTarget() {
    return target;
  }

  public void setTarget(String target) {
    this.target = target;
  }

  public String getPack() {
    return pack;
  }

  public void setPack(String pack) {
    this.pack = pack;
  }

  public String getRollback() {
    return rollback;
  }

  public void setRollback(String rollback) {
    this.rollback = rollback;
  }

  public int getWarmup() {
    return warmup;
  }

  public void setWarmup(int warmup) {
    this.warmup = warmup;
  }

  public int getRuns() {
    return runs;
  }

  public void setRuns(int runs) {
    this.runs = runs;
  }
}
