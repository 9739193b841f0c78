package dev.syngen.server.application.run;

import dev.syngen.core.engine.RunRecord;
import dev.syngen.core.generate.GeneratorRegistry;
import dev.syngen.core.llm.LlmBudget;
import dev.syngen.core.llm.LlmService;
import dev.syngen.core.plan.CompiledPlan;
import dev.syngen.core.plan.PlanCompiler;
import dev.syngen.core.plan.RecordedOverrides;
import dev.syngen.core.plan.RunOverrides;
import dev.syngen.core.problem.Problems;
import dev.syngen.core.request.RunRules;
import dev.syngen.core.scenario.Scenario;
import dev.syngen.core.sink.TableMode;
import dev.syngen.core.sink.TargetProfile;
import dev.syngen.core.traffic.TrafficRequest;
import dev.syngen.io.Targets;
import dev.syngen.io.message.PayloadTemplates;
import dev.syngen.server.application.error.ApiException;
import dev.syngen.server.application.llm.RunLlmUsage;
import dev.syngen.server.application.scenario.ScenarioCatalog;
import dev.syngen.server.application.scenario.ScenarioDocuments;
import dev.syngen.server.application.scenario.ScenarioFile;
import dev.syngen.server.application.target.StoredTarget;
import dev.syngen.server.application.target.TargetResolver;
import dev.syngen.server.application.target.TargetSpec;
import dev.syngen.server.infrastructure.config.SyngenSettings;
import dev.syngen.server.infrastructure.llm.LlmCatalog;
import dev.syngen.server.infrastructure.llm.RunLlm;
import dev.syngen.server.infrastructure.persistence.JpaRunLlmUsage;
import dev.syngen.server.infrastructure.persistence.JpaTargetStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;

/**
 * Looks up what a run request names — the scenario, the target — and hands it to the core's {@link
 * RunRules}, which decide the rest (band, traffic, payload targets, expectations, limits) as they
 * do for the command line. Every problem is collected with the request field it belongs to before
 * anything fails. Each run compiles with its own {@code llm_text} binding ({@link RunLlm}): its
 * mode, limits and usage.
 */
@ApplicationScoped
public class RunPlanner {
  @Inject ScenarioCatalog catalog;
  @Inject JpaTargetStore targets;
  @Inject TargetResolver resolver;
  @Inject SyngenSettings settings;
  @Inject LlmCatalog llmCatalog;
  @Inject JpaRunLlmUsage llmUsage;

  /** The core's rules over the generators of one run (its own {@code llm_text} binding). */
  private RunRules rules(RunLlm llm) {
    GeneratorRegistry generators = llmCatalog.generators(llm);
    return new RunRules(
        new PlanCompiler(generators),
        generators,
        new RunRules.Limits(
            Targets.MESSAGE_KINDS,
            PayloadTemplates::problem,
            settings.maxRunRows(),
            "syngen.runs.max-rows"));
  }

  /** Throws {@link dev.syngen.core.problem.ValidationException} with every problem found. */
  public PreparedRun prepare(RunRequest request) {
    Problems problems = new Problems();
    problems.addUnder("", request.problems());
    Source source = scenario(request, problems);
    TargetSpec spec = targetSpec(request, problems);
    String field = request.target() != null ? "target" : "target_id";
    TargetProfile profile = spec == null ? null : resolver.resolve(spec, field, problems);
    TrafficRequest traffic = request.traffic();
    RunLlm llm = llmCatalog.forRun(request.llm(), request.llmBudget());
    CompiledPlan plan =
        rules(llm)
            .plan(
                source.scenario(),
                "scenario",
                request.overrides(),
                request.band(),
                traffic,
                profile == null ? List.of() : List.of(profile),
                problems);
    java.util.Map<String, Object> estimate = null;
    if (problems.isEmpty()) {
      try {
        // before anything is sent: the plan shows it, and a run over its caps is refused here
        estimate = llm.estimate(plan).orElse(null);
      } catch (dev.syngen.core.llm.LlmCapReached e) {
        problems.add(
            e.field(), e.getMessage(), "raise the cap, shrink the run, or use cached answers");
      }
    }
    if (!problems.isEmpty()) {
      llm.close();
    }
    problems.throwIfAny("run request");
    llm.estimated(estimate);
    return new PreparedRun(
        plan,
        profile,
        spec,
        source.document(),
        request.scenarioId() != null ? "scenario_id:" + request.scenarioId() : "inline",
        request.overrides(),
        request.band(),
        traffic,
        request.mode() == null ? TableMode.CREATE_IF_MISSING : request.mode(),
        request.parallelism() == null ? settings.defaultParallelism() : request.parallelism(),
        llm);
  }

  /**
   * Prepares a stored run again from its scenario document, target, seed, as_of and overrides: the
   * same data as the original, or a 409 if that is no longer possible.
   */
  public PreparedRun replay(RunRecord run, RunSpec spec) {
    return replay(run, spec, true);
  }

  /**
   * As {@link #replay(RunRecord, RunSpec)}; {@code sameRun} false prepares a new run from it (a
   * rerun), whose LLM caps start again from nothing spent.
   */
  public PreparedRun replay(RunRecord run, RunSpec spec, boolean sameRun) {
    RunOverrides overrides =
        OverridesCodec.fromMap(run.overrides()).withSeed(run.seed()).withAsOf(run.asOf());
    String band = RecordedOverrides.band(run.overrides());
    TrafficRequest traffic = TrafficRequest.fromMap(run.overrides());
    Problems problems = new Problems();
    Scenario scenario = ScenarioDocuments.read(spec.scenarioDocument(), "inline", "", problems);
    TargetProfile profile = resolver.resolve(spec.target(), "target", problems);
    // the mode and caps the run was started with; a restart goes on counting from what it spent
    Optional<RunLlmUsage> stored = llmUsage.find(run.id());
    RunLlm llm =
        llmCatalog.forRun(
            stored.map(RunLlmUsage::mode).orElse(LlmService.Mode.ONLINE),
            stored
                .map(u -> sameRun ? u.resumedBudget() : u.freshBudget())
                .orElse(LlmBudget.unlimited()));
    CompiledPlan plan =
        scenario == null ? null : rules(llm).compile(scenario, overrides, band, traffic, problems);
    if (!problems.isEmpty() || !plan.configHash().equals(run.configHash())) {
      llm.close();
    }
    if (!problems.isEmpty()) {
      throw ApiException.conflict(
          "run " + run.id() + " cannot be prepared again: " + problems.list());
    }
    if (!plan.configHash().equals(run.configHash())) {
      throw ApiException.conflict(
          "run "
              + run.id()
              + " no longer compiles to the same data (config hash "
              + plan.configHash()
              + " instead of "
              + run.configHash()
              + ")");
    }
    TableMode mode = TableMode.parse(run.mode()).orElse(TableMode.CREATE_IF_MISSING);
    return new PreparedRun(
        plan,
        profile,
        spec.target(),
        spec.scenarioDocument(),
        run.scenarioSource(),
        overrides,
        band,
        traffic,
        mode,
        run.parallelism(),
        llm);
  }

  /** A scenario and the document it was read from; either may be null after problems. */
  private record Source(Scenario scenario, String document) {}

  private Source scenario(RunRequest r, Problems problems) {
    if (r.scenarioId() != null && r.scenarioDocument() != null) {
      problems.add(
          "scenario", "both scenario_id and scenario are given", "give exactly one of them");
      return new Source(null, null);
    }
    if (r.scenarioDocument() != null) {
      return new Source(
          ScenarioDocuments.read(r.scenarioDocument(), "inline", "scenario", problems),
          r.scenarioDocument());
    }
    if (r.scenarioId() == null) {
      problems.add(
          "scenario_id",
          "is missing",
          "give scenario_id (see GET /api/v1/scenarios) or an inline scenario");
      return new Source(null, null);
    }
    Optional<ScenarioFile> file = catalog.find(r.scenarioId());
    if (file.isEmpty()) {
      problems.add(
          "scenario_id",
          "no scenario '" + r.scenarioId() + "'",
          "use an id from GET /api/v1/scenarios");
      return new Source(null, null);
    }
    problems.addUnder("scenario", file.get().problems());
    return new Source(file.get().valid() ? file.get().scenario() : null, file.get().document());
  }

  private TargetSpec targetSpec(RunRequest r, Problems problems) {
    if (r.targetId() != null && r.target() != null) {
      problems.add("target", "both target_id and target are given", "give exactly one of them");
      return null;
    }
    if (r.target() != null) {
      return r.target();
    }
    String id = r.targetId() != null ? r.targetId() : settings.defaultTarget();
    Optional<StoredTarget> stored = targets.find(id);
    if (stored.isEmpty()) {
      problems.add(
          "target_id",
          "no target '" + id + "'" + (r.targetId() == null ? " (the server's default)" : ""),
          "use an id from GET /api/v1/targets or give an inline target");
      return null;
    }
    return stored.get().spec();
  }
}
