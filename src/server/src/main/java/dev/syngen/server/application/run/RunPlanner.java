package dev.syngen.server.application.run;

import dev.syngen.core.engine.RunRecord;
import dev.syngen.core.llm.LlmService;
import dev.syngen.core.plan.Bands;
import dev.syngen.core.plan.CompiledPlan;
import dev.syngen.core.plan.PlanCompiler;
import dev.syngen.core.plan.RecordedOverrides;
import dev.syngen.core.plan.RunOverrides;
import dev.syngen.core.scenario.Problems;
import dev.syngen.core.scenario.Scenario;
import dev.syngen.core.scenario.ValidationException;
import dev.syngen.core.sink.TableMode;
import dev.syngen.core.sink.TargetProfile;
import dev.syngen.core.traffic.TrafficRequest;
import dev.syngen.io.Targets;
import dev.syngen.io.message.PayloadTemplates;
import dev.syngen.server.application.error.ApiException;
import dev.syngen.server.application.scenario.ProblemPaths;
import dev.syngen.server.application.scenario.ScenarioCatalog;
import dev.syngen.server.application.scenario.ScenarioDocuments;
import dev.syngen.server.application.scenario.ScenarioFile;
import dev.syngen.server.application.target.StoredTarget;
import dev.syngen.server.application.target.TargetResolver;
import dev.syngen.server.application.target.TargetSpec;
import dev.syngen.server.infrastructure.config.SyngenSettings;
import dev.syngen.server.infrastructure.llm.LlmCatalog;
import dev.syngen.server.infrastructure.llm.RunLlm;
import dev.syngen.server.infrastructure.llm.RunLlmUsage;
import dev.syngen.server.infrastructure.persistence.JpaRunLlmUsage;
import dev.syngen.server.infrastructure.persistence.JpaTargetStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Validates a run request completely — scenario, target, overrides, limits — and compiles its plan.
 * Every problem is collected with the request field it belongs to before anything fails. Each run
 * compiles with its own {@code llm_text} binding ({@link RunLlm}): its mode, limits and usage.
 */
@ApplicationScoped
public class RunPlanner {
  @Inject ScenarioCatalog catalog;
  @Inject JpaTargetStore targets;
  @Inject TargetResolver resolver;
  @Inject SyngenSettings settings;
  @Inject LlmCatalog llmCatalog;
  @Inject JpaRunLlmUsage llmUsage;

  /** Throws {@link dev.syngen.core.scenario.ValidationException} with every problem found. */
  public PreparedRun prepare(RunRequest request) {
    Problems problems = new Problems();
    ProblemPaths.copy(request.problems(), "", problems);
    Source source = scenario(request, problems);
    Scenario scenario = source.scenario();
    TargetSpec spec = targetSpec(request, problems);
    String field = request.target() != null ? "target" : "target_id";
    TargetProfile profile = spec == null ? null : resolver.resolve(spec, field, problems);
    TrafficRequest traffic = request.traffic();
    boolean trafficOk = checkTraffic(traffic, profile, problems);
    RunLlm llm = llmCatalog.forRun(request.llm());
    CompiledPlan plan =
        scenario == null || !trafficOk
            ? null
            : compile(scenario, request.overrides(), request.band(), traffic, llm, problems);
    checkLimits(plan, problems);
    if (!problems.isEmpty()) {
      llm.close();
    }
    problems.throwIfAny("run request");
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
    RunOverrides overrides =
        OverridesCodec.fromMap(run.overrides()).withSeed(run.seed()).withAsOf(run.asOf());
    String band = RecordedOverrides.band(run.overrides());
    TrafficRequest traffic = TrafficRequest.fromMap(run.overrides());
    Problems problems = new Problems();
    Scenario scenario = ScenarioDocuments.read(spec.scenarioDocument(), "inline", "", problems);
    TargetProfile profile = resolver.resolve(spec.target(), "target", problems);
    RunLlm llm =
        llmCatalog.forRun(
            llmUsage.find(run.id()).map(RunLlmUsage::mode).orElse(LlmService.Mode.ONLINE));
    CompiledPlan plan =
        scenario == null ? null : compile(scenario, overrides, band, traffic, llm, problems);
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

  /**
   * The plan with the scale band applied and, when the traffic has a duration, the streamed
   * entity's count set by it; null (and problems) when it does not compile.
   */
  private CompiledPlan compile(
      Scenario scenario,
      RunOverrides overrides,
      String band,
      TrafficRequest traffic,
      RunLlm llm,
      Problems problems) {
    PlanCompiler compiler = new PlanCompiler(llmCatalog.generators(llm));
    try {
      RunOverrides banded = Bands.apply(scenario, band, overrides);
      CompiledPlan plan = compiler.compile(scenario, banded, problems);
      return plan == null || traffic.duration() == null
          ? plan
          : traffic.plan(compiler, scenario, banded);
    } catch (ValidationException e) {
      ProblemPaths.copy(e.problems(), traffic.duration() == null ? "" : "traffic", problems);
      return null;
    }
  }

  /** Adds the traffic's problems; true when it has none. */
  private static boolean checkTraffic(TrafficRequest t, TargetProfile target, Problems problems) {
    Problems found = new Problems();
    t.check(found, RunPlanner::trafficField, PayloadTemplates::problem);
    ProblemPaths.copy(found.list(), "", problems);
    if (t.shapesPayload() && target != null && !Targets.MESSAGE_KINDS.contains(target.kind())) {
      problems.add(
          t.template() != null ? "traffic.payload_template" : "traffic.payload_size",
          "shapes message payloads, but target '" + target.id() + "' is " + target.kind(),
          "use it with a kafka, nats, jms or http target, or leave it out");
    }
    return found.isEmpty();
  }

  /** The request field of a stored traffic key: the mode is {@code traffic.mode}. */
  public static String trafficField(String key) {
    return "traffic." + ("traffic".equals(key) ? "mode" : key);
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
    ProblemPaths.copy(file.get().problems(), "scenario", problems);
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

  private void checkLimits(CompiledPlan plan, Problems problems) {
    if (plan != null && plan.totalRows() > settings.maxRunRows()) {
      problems.add(
          "scale",
          "the run would write "
              + plan.totalRows()
              + " rows, more than this server's limit of "
              + settings.maxRunRows(),
          "lower scale or entity_counts (the limit is the setting syngen.runs.max-rows)");
    }
  }
}
