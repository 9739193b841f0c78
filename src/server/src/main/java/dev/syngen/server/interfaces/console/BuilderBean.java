package dev.syngen.server.interfaces.console;

import dev.syngen.core.sink.TableMode;
import dev.syngen.core.traffic.TrafficMode;
import dev.syngen.io.Targets;
import dev.syngen.server.interfaces.view.PlanView;
import dev.syngen.server.interfaces.view.RunView;
import dev.syngen.server.interfaces.view.TargetView;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The run builder: scenario and target pickers, seed, as_of, scale, scale band, per-entity counts
 * and scales, include/exclude, table mode and, for message targets, traffic (rate, duration, mode,
 * payload size); a plan preview before starting, and every problem shown at its field.
 */
@Named
@ViewScoped
public class BuilderBean implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject ConsoleFacade facade;

  private final RunForm form = new RunForm();
  private PlanView plan;
  private List<FieldProblem> problems = List.of();

  public List<ScenarioSummary> getScenarios() {
    return facade.scenarios();
  }

  public List<TargetView> getTargets() {
    return facade.targets();
  }

  /** The ids of targets that carry messages, and the default's kind, for the traffic fields. */
  public String getMessageTargets() {
    return facade.targets().stream()
        .filter(t -> Targets.MESSAGE_KINDS.contains(t.kind()))
        .map(TargetView::id)
        .collect(java.util.stream.Collectors.joining(" "));
  }

  public List<String> getModes() {
    return Arrays.stream(TableMode.values()).map(TableMode::yamlName).toList();
  }

  /** Every band some scenario declares; the server checks the chosen scenario has it. */
  public List<String> getBands() {
    return facade.scenarios().stream()
        .flatMap(s -> s.bands().stream())
        .distinct()
        .sorted()
        .toList();
  }

  public List<String> getTrafficModes() {
    return Arrays.stream(TrafficMode.values()).map(TrafficMode::label).toList();
  }

  public void preview() {
    plan = null;
    problems = List.of();
    try {
      plan = facade.plan(form.toRequest());
    } catch (RuntimeException e) {
      report(e);
    }
  }

  public String start() {
    try {
      RunView run = facade.start(form.toRequest());
      Pages.infoAfterRedirect("Started run " + run.id() + ".");
      return Pages.go("run.xhtml?id=" + run.id());
    } catch (RuntimeException e) {
      report(e);
      return null;
    }
  }

  private void report(RuntimeException e) {
    problems = ConsoleErrors.toFields(ConsoleErrors.problems(e), RunForm::fieldOf);
    if (problems.isEmpty()) {
      Pages.error(null, ConsoleErrors.message(e));
    }
    for (FieldProblem p : problems) {
      Pages.error(p.field() == null ? null : "builder:" + p.field(), p.text());
    }
  }

  public PlanView getPlan() {
    return plan;
  }

  /** The plan's LLM estimate per column ({@code entity.column} to its figures), or none. */
  @SuppressWarnings("unchecked")
  public List<Map.Entry<String, Object>> getLlmColumns() {
    if (plan == null || plan.llm() == null || !(plan.llm().get("columns") instanceof Map<?, ?> m)) {
      return List.of();
    }
    return List.copyOf(((Map<String, Object>) m).entrySet());
  }

  public List<FieldProblem> getProblems() {
    return problems;
  }

  public String getScenario() {
    return form.scenario;
  }

  public void setScenario(String v) {
    form.scenario = v;
  }

  public String getTarget() {
    return form.target;
  }

  public void setTarget(String v) {
    form.target = v;
  }

  public String getSeed() {
    return form.seed;
  }

  public void setSeed(String v) {
    form.seed = v;
  }

  public String getAsOf() {
    return form.asOf;
  }

  public void setAsOf(String v) {
    form.asOf = v;
  }

  public String getScale() {
    return form.scale;
  }

  public void setScale(String v) {
    form.scale = v;
  }

  public String getCounts() {
    return form.counts;
  }

  public void setCounts(String v) {
    form.counts = v;
  }

  public String getInclude() {
    return form.include;
  }

  public void setInclude(String v) {
    form.include = v;
  }

  public String getExclude() {
    return form.exclude;
  }

  public void setExclude(String v) {
    form.exclude = v;
  }

  public String getMode() {
    return form.mode;
  }

  public void setMode(String v) {
    form.mode = v;
  }

  public String getScales() {
    return form.scales;
  }

  public void setScales(String v) {
    form.scales = v;
  }

  public String getBand() {
    return form.band;
  }

  public void setBand(String v) {
    form.band = v;
  }

  public String getRate() {
    return form.rate;
  }

  public void setRate(String v) {
    form.rate = v;
  }

  public String getDuration() {
    return form.duration;
  }

  public void setDuration(String v) {
    form.duration = v;
  }

  public String getTraffic() {
    return form.traffic;
  }

  public void setTraffic(String v) {
    form.traffic = v;
  }

  public String getPayloadSize() {
    return form.payloadSize;
  }

  public void setPayloadSize(String v) {
    form.payloadSize = v;
  }

  /** {@code online} (default) or {@code offline}: cached LLM answers only, nothing sent. */
  public String getLlm() {
    return form.llm;
  }

  public void setLlm(String v) {
    form.llm = v;
  }

  public String getMaxRequests() {
    return form.maxRequests;
  }

  public void setMaxRequests(String v) {
    form.maxRequests = v;
  }

  public String getMaxCost() {
    return form.maxCost;
  }

  public void setMaxCost(String v) {
    form.maxCost = v;
  }

  public boolean isWallClock() {
    return form.wallClock;
  }

  public void setWallClock(boolean v) {
    form.wallClock = v;
  }
}
