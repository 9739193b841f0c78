package dev.syngen.server.interfaces.console;

import dev.syngen.core.engine.RunRecord;
import dev.syngen.core.engine.RunStatus;
import dev.syngen.core.fidelity.Band;
import dev.syngen.server.application.audit.AuditService;
import dev.syngen.server.application.cluster.ClusterMembers;
import dev.syngen.server.application.cluster.MemberRemoval;
import dev.syngen.server.application.fidelity.FidelityRequest;
import dev.syngen.server.application.fidelity.RunFidelityService;
import dev.syngen.server.application.indexgate.IndexGateRequest;
import dev.syngen.server.application.indexgate.IndexGateService;
import dev.syngen.server.application.indexgate.StoredGate;
import dev.syngen.server.application.run.RunPlanner;
import dev.syngen.server.application.run.RunQuery;
import dev.syngen.server.application.run.RunRequest;
import dev.syngen.server.application.run.RunService;
import dev.syngen.server.application.run.RunSpec;
import dev.syngen.server.application.scenario.ScenarioCatalog;
import dev.syngen.server.application.scenario.ScenarioFile;
import dev.syngen.server.application.target.TargetService;
import dev.syngen.server.application.target.TargetSpec;
import dev.syngen.server.infrastructure.health.DependencyStatus;
import dev.syngen.server.infrastructure.tracing.RunTracing;
import dev.syngen.server.infrastructure.tracing.SpanRecord;
import dev.syngen.server.interfaces.view.AuditView;
import dev.syngen.server.interfaces.view.ClusterMemberView;
import dev.syngen.server.interfaces.view.LlmUsageView;
import dev.syngen.server.interfaces.view.PlanView;
import dev.syngen.server.interfaces.view.RunLogView;
import dev.syngen.server.interfaces.view.RunView;
import dev.syngen.server.interfaces.view.TargetTestView;
import dev.syngen.server.interfaces.view.TargetView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the console's pages may ask of the server, as view objects: the same services and views as
 * the REST API, so the console shows exactly what the API would, and never a persistence entity.
 */
@ApplicationScoped
public class ConsoleFacade {
  /** Runs the dashboard shows as active; more are counted but not listed. */
  static final int ACTIVE_LIMIT = 50;

  @Inject RunService runService;
  @Inject RunTracing tracing;
  @Inject DependencyStatus dependencies;
  @Inject RunFidelityService fidelity;
  @Inject RunPlanner planner;
  @Inject TargetService targetService;
  @Inject IndexGateService indexGates;
  @Inject AuditService audit;
  @Inject ScenarioCatalog scenarios;
  @Inject ClusterMembers cluster;
  @Inject MemberRemoval memberRemoval;
  @Inject Clock clock;

  public RunPage runs(int page, int size, RunStatus status) {
    int p = Math.max(1, page);
    List<RunView> views =
        runService.page((p - 1) * size, size, status).stream().map(this::view).toList();
    return new RunPage(views, p, size, runService.count(status));
  }

  /** One page of the runs {@code query} selects, with who started each. */
  public List<RunRow> runs(RunQuery query) {
    return runService.page(query).stream()
        .map(l -> new RunRow(view(l.run()), l.createdBy()))
        .toList();
  }

  /** How many runs {@code query} selects. */
  public long countRuns(RunQuery query) {
    return runService.count(query);
  }

  /** Whether this server is a dispatcher or an executor, whose dashboard shows the members. */
  public boolean clustered() {
    return cluster.clustered();
  }

  /** The cluster's members, the most recently seen first, as the REST API lists them. */
  public List<ClusterMemberView> clusterMembers() {
    return cluster.list().stream().map(ClusterMemberView::of).toList();
  }

  /** Removes a down member, as {@code DELETE /api/v1/cluster/members/{name}} does (admin). */
  public void removeMember(String name) {
    memberRemoval.remove(name);
  }

  /** Running runs first, then queued ones. */
  public List<RunView> active() {
    List<RunView> out = new ArrayList<>();
    runService.list(ACTIVE_LIMIT, RunStatus.RUNNING).forEach(r -> out.add(view(r)));
    runService.list(ACTIVE_LIMIT, RunStatus.PENDING).forEach(r -> out.add(view(r)));
    return out;
  }

  public List<RunView> recent(int limit) {
    return runService.list(limit, null).stream().map(this::view).toList();
  }

  public RunView run(String id) {
    return RunView.of(
        runService.get(id),
        clock.instant(),
        null,
        runService.llmUsage(id).map(LlmUsageView::of).orElse(null),
        runService.partitions(id));
  }

  /** The newest log lines of a run, newest first, at {@code minLevel} or above. */
  /** The spans this server recorded of a traced run (empty when it has none). */
  public List<SpanRecord> trace(String id) {
    return tracing.spans(id);
  }

  public List<RunLogView> logs(String id, String minLevel, int limit) {
    int min = levelRank(minLevel);
    return runService.logs(id, limit).stream()
        .filter(l -> levelRank(l.level()) >= min)
        .map(RunLogView::of)
        .toList();
  }

  /** The first {@code rows} rows of each entity of a run, as the engine produces them. */
  public List<EntityPreview> preview(String id, int rows) {
    RunRecord r = runService.get(id);
    RunSpec spec = runService.spec(id);
    return DataPreview.of(planner.replay(r, spec).plan(), rows);
  }

  /** The run's newest fidelity report, if it was ever checked. */
  public java.util.Optional<FidelityView> fidelity(String id) {
    return fidelity.latest(id).map(FidelityView::of);
  }

  /** The run's newest fidelity report in full, with its charts, if it was ever checked. */
  public java.util.Optional<FidelityReportView> fidelityReport(String id) {
    return fidelity.latest(id).map(FidelityReportView::of);
  }

  /** Checks the run's data in its target with {@code tolerance}; the new report. */
  public FidelityView checkFidelity(String id, Band tolerance) {
    FidelityRequest d = FidelityRequest.DEFAULT;
    return FidelityView.of(
        fidelity.check(id, new FidelityRequest(tolerance, d.alpha(), d.sampleRows())));
  }

  public PlanView plan(RunRequest request) {
    return PlanView.of(runService.plan(request));
  }

  public RunView start(RunRequest request) {
    return view(runService.start(request));
  }

  public RunView cancel(String id) {
    return view(runService.cancel(id));
  }

  public RunView restart(String id) {
    return view(runService.restart(id));
  }

  public RunView rerun(String id) {
    return view(runService.rerun(id));
  }

  public List<TargetView> targets() {
    return targetService.list().stream().map(TargetView::of).toList();
  }

  public TargetView target(String id) {
    return TargetView.of(targetService.get(id));
  }

  public TargetView createTarget(TargetSpec spec) {
    return TargetView.of(targetService.create(spec));
  }

  public TargetView updateTarget(String id, TargetSpec spec) {
    return TargetView.of(targetService.update(id, spec));
  }

  public void deleteTarget(String id) {
    targetService.delete(id);
  }

  public TargetTestView testTarget(String id) {
    return TargetTestView.of(targetService.test(id));
  }

  /** The targets the index gate can measure (PostgreSQL). */
  public List<TargetView> gateTargets() {
    return targets().stream()
        .filter(t -> t.kind().equals("postgres") || t.kind().equals("postgresql"))
        .toList();
  }

  public List<String> gatePacks() {
    return indexGates.packs();
  }

  public StoredGate runIndexGate(IndexGateRequest request) {
    return indexGates.run(request);
  }

  public List<AuditView> audit(String actor, String action, String subject, int offset, int limit) {
    return audit.search(actor, action, subject, offset, limit).stream().map(AuditView::of).toList();
  }

  public List<ScenarioSummary> scenarios() {
    return scenarios.list().stream().map(ScenarioSummary::of).toList();
  }

  public ScenarioFile scenarioFile(String id) {
    return scenarios.find(id).orElse(null);
  }

  public SystemState system() {
    return system(scenarios.list().size());
  }

  /** The system state, with the number of scenarios already known to the caller. */
  public SystemState system(int scenarioCount) {
    boolean up;
    String detail;
    long queued = 0;
    long running = 0;
    try {
      queued = runService.count(RunStatus.PENDING);
      running = runService.count(RunStatus.RUNNING);
      up = true;
      detail = "answering";
    } catch (RuntimeException e) {
      up = false;
      detail = "not answering: " + ConsoleErrors.message(e);
    }
    return new SystemState(
        up, detail, queued, running, targetService.list().size(), scenarioCount, List.of());
  }

  /** The system state with readiness and every target's reachability (probed every few seconds). */
  public SystemState systemWithDependencies(int scenarioCount) {
    return system(scenarioCount).with(dependencies.overview());
  }

  private RunView view(RunRecord r) {
    return RunView.of(r, clock.instant());
  }

  static int levelRank(String level) {
    if (level == null || level.isBlank()) {
      return 0;
    }
    return switch (level.toUpperCase(Locale.ROOT)) {
      case "DEBUG" -> 0;
      case "INFO" -> 1;
      case "WARN", "WARNING" -> 2;
      case "ERROR", "SEVERE" -> 3;
      default -> 1;
    };
  }
}
