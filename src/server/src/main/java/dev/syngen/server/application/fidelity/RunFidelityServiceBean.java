package dev.syngen.server.application.fidelity;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.syngen.core.engine.RunRecord;
import dev.syngen.core.engine.RunStatus;
import dev.syngen.core.fidelity.FidelityReport;
import dev.syngen.core.fidelity.FidelityValidator;
import dev.syngen.core.fidelity.HtmlReport;
import dev.syngen.core.fidelity.RunFidelity;
import dev.syngen.core.fidelity.TableSource;
import dev.syngen.core.generate.GeneratorRegistry;
import dev.syngen.core.problem.Problems;
import dev.syngen.core.scenario.Expectations;
import dev.syngen.core.scenario.Scenario;
import dev.syngen.core.sink.Redactor;
import dev.syngen.core.sink.TargetProfile;
import dev.syngen.io.TableSources;
import dev.syngen.io.history.FileRunRepository;
import dev.syngen.server.application.audit.AuditEntry;
import dev.syngen.server.application.error.ApiException;
import dev.syngen.server.application.run.RunSpec;
import dev.syngen.server.application.scenario.ScenarioDocuments;
import dev.syngen.server.application.target.TargetResolver;
import dev.syngen.server.infrastructure.persistence.JpaAuditLog;
import dev.syngen.server.infrastructure.persistence.JpaFidelityReports;
import dev.syngen.server.infrastructure.persistence.JpaRunLog;
import dev.syngen.server.infrastructure.persistence.JpaRunRepository;
import dev.syngen.server.infrastructure.security.RequestTrace;
import dev.syngen.server.infrastructure.tracing.RunTracing;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Optional;

/**
 * The fidelity use case: load the run and what it was made from, read its data back from its target
 * (sampling), judge it with core's validator, store the report, log and audit the verdict.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RunFidelityServiceBean implements RunFidelityService {
  @Resource SessionContext session;
  @Inject JpaRunRepository runs;
  @Inject RunTracing tracing;
  @Inject JpaFidelityReports reports;
  @Inject JpaRunLog runLog;
  @Inject JpaAuditLog audit;
  @Inject TargetResolver resolver;
  @Inject GeneratorRegistry generators;
  @Inject RequestTrace trace;
  @Inject Clock clock;

  @Override
  @RolesAllowed("admin")
  public StoredFidelity check(String runId, FidelityRequest request) {
    RunRecord run =
        runs.find(runId).orElseThrow(() -> ApiException.notFound("no run '" + runId + "'"));
    if (run.status() != RunStatus.SUCCESS) {
      throw ApiException.conflict(
          "run "
              + runId
              + " is "
              + run.status().label()
              + "; fidelity judges the data of a successful run (restart it first)");
    }
    FidelityReport report = tracing.inSpan("fidelity check", runId, () -> judge(run, request));
    StoredFidelity stored =
        reports.save(
            new StoredFidelity(
                0,
                runId,
                clock.instant(),
                actor(),
                report.verdict().label(),
                request.tolerance().label(),
                json(report),
                HtmlReport.render(report)));
    String summary = summary(report);
    runLog.append(
        runId,
        report.verdict() == FidelityReport.Verdict.GO ? "INFO" : "WARN",
        null,
        summary,
        trace.traceId());
    audit.append(
        new AuditEntry(
            clock.instant(), actor(), "run.fidelity", "run:" + runId, summary, trace.traceId()));
    return stored;
  }

  @Override
  @PermitAll
  public Optional<StoredFidelity> latest(String runId) {
    runs.find(runId).orElseThrow(() -> ApiException.notFound("no run '" + runId + "'"));
    return reports.latest(runId);
  }

  private FidelityReport judge(RunRecord run, FidelityRequest request) {
    RunSpec spec = runs.spec(run.id()).orElseThrow();
    Problems problems = new Problems();
    Scenario scenario = ScenarioDocuments.read(spec.scenarioDocument(), "inline", "", problems);
    TargetProfile target = resolver.resolve(spec.target(), "target", problems);
    if (!problems.isEmpty()) {
      throw ApiException.conflict(
          "run " + run.id() + " cannot be checked any more: " + problems.list());
    }
    FidelityValidator.Options options =
        new FidelityValidator.Options(
            request.tolerance(), request.alpha(), request.sampleRows(), run.seed());
    try (TableSource source = TableSources.open(target)) {
      return new RunFidelity(generators, clock)
          .check(run, scenario, Expectations.NONE, source, options);
    } catch (ApiException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new ApiException(
          502,
          "Bad Gateway",
          "cannot read the data of run "
              + run.id()
              + " back from target '"
              + target.id()
              + "' ("
              + target.kind()
              + "): "
              + Redactor.text(String.valueOf(e.getMessage()))
              + "; test the target (POST /api/v1/targets/"
              + target.id()
              + "/test) and check its tables still hold the run's data");
    }
  }

  private static String summary(FidelityReport r) {
    return "fidelity "
        + r.verdict().label()
        + " ("
        + r.checks().size()
        + " checks, tolerance "
        + r.band()
        + ", "
        + r.elapsedMillis()
        + " ms)"
        + (r.reasons().isEmpty() ? "" : ": " + String.join("; ", r.reasons()));
  }

  private static String json(FidelityReport r) {
    try {
      return FileRunRepository.mapper().writeValueAsString(r);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the fidelity report as JSON", e);
    }
  }

  private String actor() {
    return session.getCallerPrincipal().getName();
  }
}
