package dev.syngen.core.request;

import dev.syngen.core.fidelity.Band;
import dev.syngen.core.fidelity.ExpectationCompiler;
import dev.syngen.core.generate.GeneratorRegistry;
import dev.syngen.core.plan.Bands;
import dev.syngen.core.plan.CompiledPlan;
import dev.syngen.core.plan.PlanCompiler;
import dev.syngen.core.plan.RunOverrides;
import dev.syngen.core.problem.Problems;
import dev.syngen.core.problem.ValidationException;
import dev.syngen.core.scenario.Expectations;
import dev.syngen.core.scenario.Scenario;
import dev.syngen.core.sink.TargetProfile;
import dev.syngen.core.traffic.TrafficRequest;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * What a run request means once its scenario and targets are known, decided here for every front
 * end: the traffic is consistent, only message targets get shaped payloads, the scale band and the
 * traffic's duration set the counts, the scenario's expectations compile against the plan, and the
 * run stays within the row limit. Every problem is reported with the request field it belongs to.
 */
public final class RunRules {
  private final PlanCompiler compiler;
  private final ExpectationCompiler expectations;
  private final Limits limits;

  /**
   * What the rules need from outside core: which target kinds carry messages, what is wrong with a
   * payload template (null: nothing), and the most rows one run may write with the setting that
   * says so (shown in the fix).
   */
  public record Limits(
      Set<String> messageKinds,
      UnaryOperator<String> templateProblem,
      long maxRows,
      String maxRowsSetting) {}

  public RunRules(PlanCompiler compiler, GeneratorRegistry registry, Limits limits) {
    this.compiler = compiler;
    this.expectations = new ExpectationCompiler(registry);
    this.limits = limits;
  }

  /**
   * The plan of a run of {@code scenario} (null when it could not be read: only the other checks
   * run) into {@code targets} (empty when they could not be resolved), or null with problems.
   * {@code scenarioPath} is where the request holds the scenario ({@code scenario}, or empty).
   */
  public CompiledPlan plan(
      Scenario scenario,
      String scenarioPath,
      RunOverrides overrides,
      String band,
      TrafficRequest traffic,
      List<TargetProfile> targets,
      Problems problems) {
    boolean trafficOk = checkTraffic(traffic, problems);
    checkPayloadTargets(traffic, targets, problems);
    if (scenario == null || !trafficOk) {
      return null;
    }
    CompiledPlan plan = compile(scenario, overrides, band, traffic, problems);
    if (plan != null) {
      Problems found = new Problems();
      expectations.compile(scenario, plan, Expectations.NONE, Band.NORMAL, found);
      problems.addUnder(scenarioPath, found.list());
      checkRows(plan, problems);
    }
    return found(plan, problems);
  }

  private static CompiledPlan found(CompiledPlan plan, Problems problems) {
    return problems.isEmpty() ? plan : null;
  }

  /**
   * The plan with the scale band applied and, when the traffic has a duration, the streamed
   * entity's count set by it; null (and problems) when it does not compile.
   */
  public CompiledPlan compile(
      Scenario scenario,
      RunOverrides overrides,
      String band,
      TrafficRequest traffic,
      Problems problems) {
    try {
      RunOverrides banded = Bands.apply(scenario, band, overrides);
      CompiledPlan plan = compiler.compile(scenario, banded, problems);
      return plan == null || traffic.duration() == null
          ? plan
          : traffic.plan(compiler, scenario, banded);
    } catch (ValidationException e) {
      problems.addUnder(traffic.duration() == null ? "" : "traffic", e.problems());
      return null;
    }
  }

  /** Adds the traffic's problems; true when it has none. */
  private boolean checkTraffic(TrafficRequest t, Problems problems) {
    Problems found = new Problems();
    t.check(found, RunRules::trafficField, limits.templateProblem());
    problems.addUnder("", found.list());
    return found.isEmpty();
  }

  /** Payload size and template shape messages: at least one target must carry messages. */
  private void checkPayloadTargets(
      TrafficRequest t, List<TargetProfile> targets, Problems problems) {
    if (!t.shapesPayload()
        || targets.isEmpty()
        || targets.stream().anyMatch(p -> limits.messageKinds().contains(p.kind()))) {
      return;
    }
    String which =
        targets.size() == 1
            ? "target '" + targets.get(0).id() + "' is " + targets.get(0).kind()
            : "none of the targets ("
                + targets.stream()
                    .map(p -> p.id() + ": " + p.kind())
                    .collect(Collectors.joining(", "))
                + ") carries messages";
    problems.add(
        t.template() != null ? "traffic.payload_template" : "traffic.payload_size",
        "shapes message payloads, but " + which,
        "use it with a kafka, nats, jms or http target, or leave it out");
  }

  private void checkRows(CompiledPlan plan, Problems problems) {
    if (plan.totalRows() > limits.maxRows()) {
      problems.add(
          "scale",
          "the run would write "
              + plan.totalRows()
              + " rows, more than the limit of "
              + limits.maxRows(),
          "lower scale or entity_counts (the limit is the setting "
              + limits.maxRowsSetting()
              + ")");
    }
  }

  /** The request field of a stored traffic key: the mode is {@code traffic.mode}. */
  public static String trafficField(String key) {
    return "traffic." + ("traffic".equals(key) ? "mode" : key);
  }
}
