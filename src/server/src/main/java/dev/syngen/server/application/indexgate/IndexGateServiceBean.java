package dev.syngen.server.application.indexgate;

import dev.syngen.core.indexgate.DdlScript;
import dev.syngen.core.indexgate.Dialect;
import dev.syngen.core.indexgate.GateOutcome;
import dev.syngen.core.indexgate.QuerySet;
import dev.syngen.core.problem.Problems;
import dev.syngen.core.sink.Redactor;
import dev.syngen.core.sink.SinkException;
import dev.syngen.core.sink.TargetProfile;
import dev.syngen.io.indexgate.Baselines;
import dev.syngen.io.indexgate.GateDatabase;
import dev.syngen.io.indexgate.GatePacks;
import dev.syngen.io.indexgate.IndexGateRun;
import dev.syngen.server.application.audit.AuditEntry;
import dev.syngen.server.application.error.ApiException;
import dev.syngen.server.application.target.TargetEgress;
import dev.syngen.server.application.target.TargetResolver;
import dev.syngen.server.application.target.TargetService;
import dev.syngen.server.infrastructure.config.SyngenSettings;
import dev.syngen.server.infrastructure.persistence.JpaAuditLog;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The index gate use case: resolve the stored target (PostgreSQL; the outbound policy of target
 * tests applies), parse and check the query set and DDL before touching the database, run the gate
 * within the server's time limit, keep the report, and audit the verdict.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class IndexGateServiceBean implements IndexGateService {
  @Resource SessionContext session;
  @Inject TargetService targets;
  @Inject TargetResolver resolver;
  @Inject TargetEgress egress;
  @Inject GateReports reports;
  @Inject SyngenSettings settings;
  @Inject JpaAuditLog audit;
  @Inject RequestTrace trace;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "syngen.index-gate.time-limit", defaultValue = "PT10M")
  Duration timeLimit;

  @Override
  @RolesAllowed("admin")
  public StoredGate run(IndexGateRequest request) {
    TargetProfile target = target(request.target());
    Problems problems = new Problems();
    String queries = request.queries();
    String ddl = request.ddl();
    if (request.pack() != null) {
      GatePacks.PackSet set;
      try {
        set = new GatePacks(settings.scenariosDir()).load(request.pack(), Dialect.POSTGRES);
      } catch (IllegalArgumentException e) {
        problems.add("pack", e.getMessage(), "GET /api/v1/index-gate/packs lists them");
        problems.throwIfAny("index gate request");
        return null;
      }
      queries = set.queries();
      ddl = ddl == null ? set.ddl() : ddl;
    }
    QuerySet q = QuerySet.parse(queries, "queries", problems);
    DdlScript d = DdlScript.parse(ddl, Dialect.POSTGRES, "ddl", problems);
    problems.throwIfAny("index gate request");
    if (!reports.tryStart()) {
      throw ApiException.tooMany("an index gate is running; one runs at a time", 30);
    }
    try {
      GateOutcome o = measure(target, q, d, request);
      StoredGate g = store(request.target(), o);
      audit.append(auditEntry(g, o));
      return g;
    } finally {
      reports.finished();
    }
  }

  private GateOutcome measure(TargetProfile target, QuerySet q, DdlScript d, IndexGateRequest r) {
    try (GateDatabase db = GateDatabase.open(target)) {
      return new IndexGateRun(db, r.options(), clock, line -> {}, clock.instant().plus(timeLimit))
          .run(q, d);
    } catch (SinkException e) {
      throw new ApiException(
          502,
          "Bad Gateway",
          "the index gate on target '"
              + target.id()
              + "' failed: "
              + Redactor.text(String.valueOf(e.getMessage()))
              + "; test the target (POST /api/v1/targets/"
              + target.id()
              + "/test) and check the tables the queries read");
    }
  }

  private TargetProfile target(String id) {
    Problems problems = new Problems();
    TargetProfile p = resolver.resolve(targets.get(id).spec(), "target", problems);
    problems.throwIfAny("target '" + id + "'");
    GateDatabase.validate(p, problems);
    if (!problems.isEmpty()) {
      Problems named = new Problems();
      problems.list().forEach(x -> named.add("target", x.message(), x.fix()));
      named.throwIfAny("index gate request");
    }
    String refused = egress.refusal(p);
    if (refused != null) {
      throw ApiException.conflict(refused);
    }
    return p;
  }

  private StoredGate store(String targetId, GateOutcome o) {
    Map<String, Object> json = new LinkedHashMap<>();
    String id = UUID.randomUUID().toString();
    json.put("id", id);
    json.put("verdict", o.decision().verdict().label());
    json.put("report", "/api/v1/index-gate/" + id + "/report.html");
    json.put("rolled_back", o.rolledBack());
    json.put("decision", o.decision());
    json.put("before", o.before());
    json.put("after", o.after());
    StoredGate g =
        new StoredGate(
            id,
            clock.instant(),
            actor(),
            targetId,
            o.decision().verdict().label(),
            o.decision(),
            Baselines.json(json),
            o.html(),
            o.rolledBack());
    reports.add(g);
    return g;
  }

  private AuditEntry auditEntry(StoredGate g, GateOutcome o) {
    return new AuditEntry(
        g.createdAt(),
        g.actor(),
        "index-gate",
        "target:" + g.target(),
        "index gate "
            + g.verdict()
            + String.format(
                java.util.Locale.ROOT,
                " (average improvement %.1f %%, Sort nodes %d -> %d)",
                o.decision().averageImprovementPct(),
                o.decision().sortsBefore(),
                o.decision().sortsAfter())
            + (o.decision().reasons().isEmpty()
                ? ""
                : ": " + String.join("; ", o.decision().reasons())),
        trace.traceId());
  }

  @Override
  @PermitAll
  public Optional<StoredGate> find(String id) {
    return reports.find(id);
  }

  @Override
  @PermitAll
  public List<StoredGate> recent() {
    return reports.recent();
  }

  @Override
  @PermitAll
  public List<String> packs() {
    return new GatePacks(settings.scenariosDir()).list(Dialect.POSTGRES);
  }

  private String actor() {
    return session.getCallerPrincipal().getName();
  }
}
