package dev.syngen.core.fidelity;

import dev.syngen.core.engine.RunRecord;
import dev.syngen.core.generate.GeneratorRegistry;
import dev.syngen.core.plan.Bands;
import dev.syngen.core.plan.CompiledPlan;
import dev.syngen.core.plan.PlanCompiler;
import dev.syngen.core.plan.RecordedOverrides;
import dev.syngen.core.plan.RunOverrides;
import dev.syngen.core.scenario.Expectations;
import dev.syngen.core.scenario.Scenario;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The fidelity use case shared by the CLI and the server: compile the plan a run used (its seed,
 * as_of, overrides and band), compile the expectations, read the data back and judge it.
 */
public final class RunFidelity {
  private final PlanCompiler compiler;
  private final ExpectationCompiler expectations;
  private final Clock clock;

  public RunFidelity(GeneratorRegistry registry, Clock clock) {
    this.compiler = new PlanCompiler(registry);
    this.expectations = new ExpectationCompiler(registry);
    this.clock = clock;
  }

  /**
   * A fidelity report and, when the scenario declares a gate, the generation report the gate
   * decided from (else null).
   */
  public record Judgement(FidelityReport report, GenerationReport generation) {}

  /** Checks the data of a recorded run; {@code extra} holds expectations from a spec file. */
  public FidelityReport check(
      RunRecord run,
      Scenario scenario,
      Expectations extra,
      TableSource source,
      FidelityValidator.Options options) {
    return judgeRun(run, scenario, extra, source, options).report();
  }

  /** {@link #check(RunRecord, Scenario, Expectations, TableSource, FidelityValidator.Options)}. */
  public Judgement judgeRun(
      RunRecord run,
      Scenario scenario,
      Expectations extra,
      TableSource source,
      FidelityValidator.Options options) {
    RunOverrides overrides = RecordedOverrides.of(run.overrides(), run.seed(), run.asOf());
    String band = RecordedOverrides.band(run.overrides());
    CompiledPlan plan = compiler.compile(scenario, Bands.apply(scenario, band, overrides));
    List<String> notes = new ArrayList<>();
    if (!plan.configHash().equals(run.configHash())) {
      notes.add(
          "the scenario changed since run "
              + run.id()
              + " (config hash "
              + plan.configHash().substring(0, 12)
              + " now, "
              + run.configHash().substring(0, Math.min(12, run.configHash().length()))
              + " then): expectations come from the current file");
    }
    return judge(
        scenario,
        plan,
        band,
        extra,
        source,
        run.id(),
        run.targetId() + " (" + run.targetKind() + ")",
        options,
        notes);
  }

  /** Checks data in a target against a scenario run with {@code overrides} and {@code band}. */
  public FidelityReport check(
      Scenario scenario,
      RunOverrides overrides,
      String band,
      Expectations extra,
      TableSource source,
      String target,
      FidelityValidator.Options options) {
    return judgeScenario(scenario, overrides, band, extra, source, target, options).report();
  }

  /**
   * {@link #check(Scenario, RunOverrides, String, Expectations, TableSource, String,
   * FidelityValidator.Options)}.
   */
  public Judgement judgeScenario(
      Scenario scenario,
      RunOverrides overrides,
      String band,
      Expectations extra,
      TableSource source,
      String target,
      FidelityValidator.Options options) {
    CompiledPlan plan = compiler.compile(scenario, Bands.apply(scenario, band, overrides));
    return judge(scenario, plan, band, extra, source, null, target, options, List.of());
  }

  private Judgement judge(
      Scenario scenario,
      CompiledPlan plan,
      String band,
      Expectations extra,
      TableSource source,
      String runId,
      String target,
      FidelityValidator.Options options,
      List<String> notes) {
    FidelityPlan fp = expectations.compile(scenario, plan, extra, options.band());
    List<String> warnings = new ArrayList<>(notes);
    warnings.addAll(fp.warnings());
    FidelityPlan withNotes = new FidelityPlan(fp.tables(), warnings, fp.lifecycles());
    FidelityReport report =
        new FidelityValidator(options, clock)
            .validate(withNotes, source, scenario.id(), runId, target);
    if (scenario.expectations().gate() == null) {
      return new Judgement(report, null);
    }
    GenerationReport generation =
        ReleaseGate.decide(
            ReleaseGate.measure(scenario, plan, band, runId, report, source, clock.instant()));
    return new Judgement(ReleaseGate.apply(report, generation), generation);
  }
}
