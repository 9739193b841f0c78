package dev.syngen.server.application.run;

import dev.syngen.core.engine.ResumePoints;
import dev.syngen.core.engine.RunCoordinator;
import dev.syngen.core.engine.RunRecord;
import dev.syngen.core.engine.RunStatus;
import dev.syngen.server.application.audit.AuditEntry;
import dev.syngen.server.application.batch.PartitionProgress;
import dev.syngen.server.application.error.ApiException;
import dev.syngen.server.application.llm.RunLlmUsage;
import dev.syngen.server.infrastructure.config.SyngenSettings;
import dev.syngen.server.infrastructure.persistence.JpaBatchJobs;
import dev.syngen.server.infrastructure.persistence.JpaRunLlmUsage;
import dev.syngen.server.infrastructure.persistence.JpaRunLog;
import dev.syngen.server.infrastructure.persistence.JpaRunRepository;
import dev.syngen.server.infrastructure.security.RequestTrace;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The run use cases as short scripts: validate, plan, record (with audit entry and log line), then
 * dispatch. Each step commits on its own, so a run is recorded before its task can touch it.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RunServiceBean implements RunService {
  private static final Set<RunStatus> FINISHED =
      Set.of(RunStatus.SUCCESS, RunStatus.FAILED, RunStatus.CANCELLED);

  @Resource SessionContext session;
  @Inject RunPlanner planner;
  @Inject RunLauncher launcher;
  @Inject RunLedger ledger;
  @Inject JpaRunRepository runs;
  @Inject JpaBatchJobs batchJobs;
  @Inject JpaRunLog runLog;
  @Inject JpaRunLlmUsage llmUsage;
  @Inject RequestTrace trace;
  @Inject SyngenSettings settings;
  @Inject Clock clock;

  @Override
  @PermitAll
  public PreparedRun plan(RunRequest request) {
    PreparedRun p = planner.prepare(request);
    p.llm().close(); // a plan sends nothing
    return p;
  }

  @Override
  @RolesAllowed("admin")
  public RunRecord start(RunRequest request) {
    PreparedRun p = planner.prepare(request);
    try (RunLauncher.Slot slot = launcher.reserve()) {
      RunRecord pending =
          recordNew(
              p,
              p.recordedOverrides(),
              null,
              "run.start",
              RunServiceBean::describe,
              run -> "created by " + actor() + ": " + describe(run));
      launcher.launch(pending, p, Map.of(), trace.traceId(), slot);
      return pending;
    }
  }

  @Override
  @PermitAll
  public RunRecord get(String id) {
    return runs.find(id).orElseThrow(() -> ApiException.notFound("no run '" + id + "'"));
  }

  @Override
  @PermitAll
  public Optional<RunLlmUsage> llmUsage(String id) {
    get(id);
    return llmUsage.find(id);
  }

  @Override
  @PermitAll
  public List<RunRecord> list(int limit, RunStatus status) {
    return runs.list(limit, status);
  }

  @Override
  @PermitAll
  public List<RunRecord> page(int offset, int limit, RunStatus status) {
    return runs.page(offset, limit, status);
  }

  @Override
  @PermitAll
  public long count(RunStatus status) {
    return runs.count(status);
  }

  @Override
  @PermitAll
  public List<RunListing> page(RunQuery query) {
    return runs.page(query);
  }

  @Override
  @PermitAll
  public long count(RunQuery query) {
    return runs.count(query);
  }

  @Override
  @PermitAll
  public RunSpec spec(String id) {
    return runs.spec(id).orElseThrow(() -> ApiException.notFound("no run '" + id + "'"));
  }

  @Override
  @PermitAll
  public List<PartitionProgress> partitions(String id) {
    get(id);
    return batchJobs.partitions(id).stream()
        .sorted(
            Comparator.comparing(PartitionProgress::entity)
                .thenComparingLong(PartitionProgress::firstRow))
        .toList();
  }

  @Override
  @PermitAll
  public List<RunLogEntry> logs(String id, int limit) {
    get(id);
    return runLog.newest(id, limit);
  }

  @Override
  @RolesAllowed("admin")
  public RunRecord cancel(String id) {
    RunRecord r = get(id);
    if (FINISHED.contains(r.status())) {
      throw ApiException.conflict(
          "run " + id + " is already " + r.status().label() + "; there is nothing to cancel");
    }
    ledger.recordChange(
        null,
        id,
        audit("run.cancel", id, "status was " + r.status().label()),
        "WARN",
        "cancel requested by " + actor());
    Duration wait = Duration.ofSeconds(settings.cancelWaitSeconds());
    return launcher.cancel(id, wait).orElseGet(() -> cancelOrphan(id));
  }

  /** A run recorded as active that this server is not executing (left by a stopped server). */
  private RunRecord cancelOrphan(String id) {
    RunRecord now = get(id);
    if (FINISHED.contains(now.status())) {
      return now;
    }
    RunRecord cancelled =
        now.withStatus(RunStatus.CANCELLED, clock.instant(), "cancelled while not executing");
    runs.save(cancelled);
    return cancelled;
  }

  @Override
  @RolesAllowed("admin")
  public RunRecord restart(String id) {
    RunRecord r = get(id);
    if (r.status() == RunStatus.SUCCESS) {
      throw ApiException.conflict(
          "run " + id + " succeeded; POST /api/v1/runs/" + id + "/rerun runs it again");
    }
    if (launcher.isActive(id)) {
      throw ApiException.conflict("run " + id + " is still " + r.status().label());
    }
    launcher.claim(id);
    try {
      return relaunch(get(id)); // the ledger commits the record before this returns
    } finally {
      launcher.release(id);
    }
  }

  /** Restarts a run this caller has claimed, reading its record again after the claim. */
  private RunRecord relaunch(RunRecord r) {
    String id = r.id();
    if (r.status() == RunStatus.SUCCESS) {
      throw ApiException.conflict("run " + id + " succeeded meanwhile");
    }
    PreparedRun p = planner.replay(r, runs.spec(id).orElseThrow());
    try (RunLauncher.Slot slot = launcher.reserve()) {
      Map<String, Long> resume = ResumePoints.of(r, TargetCommits.perEntity(r.targetKind()));
      RunRecord pending = r.withStatus(RunStatus.PENDING, clock.instant(), null);
      String from = launcher.resumesFrom(id, resume);
      ledger.recordChange(
          pending,
          id,
          audit("run.restart", id, "was " + r.status().label() + "; resumes " + from),
          "INFO",
          "restarted by " + actor() + "; resumes " + from);
      launcher.launch(pending, p, resume, trace.traceId(), slot);
      return pending;
    }
  }

  @Override
  @RolesAllowed("admin")
  public RunRecord rerun(String id) {
    RunRecord r = get(id);
    PreparedRun p = planner.replay(r, runs.spec(id).orElseThrow(), false);
    try (RunLauncher.Slot slot = launcher.reserve()) {
      RunRecord pending =
          recordNew(
              p,
              r.overrides(),
              id,
              "run.rerun",
              run -> "rerun of " + id + ": " + describe(run),
              run -> "created by " + actor() + " as a rerun of " + id);
      launcher.launch(pending, p, Map.of(), trace.traceId(), slot);
      return pending;
    }
  }

  /**
   * Records a new run with its audit entry and first log line, under a fresh id. Ids are unique
   * within this server ({@link dev.syngen.core.engine.RunIds}); when another server sharing the
   * history database made the same id in the same second, the insert meets it (a duplicate key,
   * nothing kept) and the run draws another, up to {@value #ID_ATTEMPTS} times.
   */
  private RunRecord recordNew(
      PreparedRun p,
      Map<String, Object> overrides,
      String rerunOf,
      String action,
      Function<RunRecord, String> details,
      Function<RunRecord, String> message) {
    for (int attempt = 1; ; attempt++) {
      RunRecord pending = pending(p, overrides);
      try {
        ledger.recordNew(
            pending,
            spec(p, rerunOf),
            audit(action, pending.id(), details.apply(pending)),
            message.apply(pending));
        return pending;
      } catch (RuntimeException e) {
        if (attempt >= ID_ATTEMPTS || !DuplicateKey.in(e)) {
          throw e;
        }
      }
    }
  }

  private static final int ID_ATTEMPTS = 3;

  private RunRecord pending(PreparedRun p, Map<String, Object> overrides) {
    return new RunCoordinator(runs, clock)
        .pending(p.plan(), p.target(), p.mode(), p.parallelism(), overrides, p.scenarioSource());
  }

  private RunSpec spec(PreparedRun p, String rerunOf) {
    return new RunSpec(
        p.scenarioDocument(),
        p.targetSpec(),
        settings.batchSize(),
        trace.traceId(),
        actor(),
        rerunOf);
  }

  private AuditEntry audit(String action, String runId, String details) {
    return new AuditEntry(
        clock.instant(), actor(), action, "run:" + runId, details, trace.traceId());
  }

  private static String describe(RunRecord r) {
    return "scenario "
        + r.scenarioId()
        + " into target "
        + r.targetId()
        + " ("
        + r.targetKind()
        + "), seed "
        + r.seed()
        + ", as_of "
        + r.asOf()
        + ", "
        + r.rowsPlanned()
        + " rows planned";
  }

  private String actor() {
    return session.getCallerPrincipal().getName();
  }
}
