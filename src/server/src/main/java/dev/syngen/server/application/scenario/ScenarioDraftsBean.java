package dev.syngen.server.application.scenario;

import dev.syngen.core.plan.CompiledPlan;
import dev.syngen.core.plan.PlanCompiler;
import dev.syngen.core.plan.RunOverrides;
import dev.syngen.core.problem.Problems;
import dev.syngen.core.scenario.Scenario;
import dev.syngen.core.schema.DbSchema.DbForeignKey;
import dev.syngen.core.schema.DbSchema.DbTable;
import dev.syngen.core.schema.DraftRequest;
import dev.syngen.core.sink.Redactor;
import dev.syngen.core.sink.SinkException;
import dev.syngen.core.sink.TargetProfile;
import dev.syngen.io.DatabaseDraft;
import dev.syngen.io.jdbc.SchemaReader;
import dev.syngen.server.application.audit.AuditEntry;
import dev.syngen.server.application.error.ApiException;
import dev.syngen.server.application.target.StoredTarget;
import dev.syngen.server.application.target.TargetResolver;
import dev.syngen.server.application.target.TargetService;
import dev.syngen.server.infrastructure.config.SyngenSettings;
import dev.syngen.server.infrastructure.persistence.JpaAuditLog;
import dev.syngen.server.infrastructure.security.RequestTrace;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * The draft use case: resolve the configured target (never a caller's path or DSN), read and sample
 * its schema one draft at a time with bounded statements, check the draft compiles, save it under a
 * validated name if asked, audit it. Errors from the database reach the caller redacted.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ScenarioDraftsBean implements ScenarioDrafts {
  private static final Duration STATEMENT_LIMIT = Duration.ofSeconds(10);

  @Resource SessionContext session;
  @Inject TargetService targets;
  @Inject TargetResolver resolver;
  @Inject PlanCompiler compiler;
  @Inject SyngenSettings settings;
  @Inject DraftGate gate;
  @Inject JpaAuditLog audit;
  @Inject RequestTrace trace;
  @Inject Clock clock;

  @Override
  @RolesAllowed("admin")
  public DraftOutcome draft(
      String targetId, DraftRequest request, boolean save, boolean overwrite) {
    StoredTarget stored = targets.get(targetId);
    Problems problems = new Problems();
    TargetProfile t = resolver.resolve(stored.spec(), "target", problems);
    if (t == null) {
      throw ApiException.conflict(
          "target '" + targetId + "' is not usable: " + problems.list() + "; fix the target first");
    }
    if (SchemaReader.dialect(t.kind()).isEmpty()) {
      throw new ApiException(
          422,
          "Unprocessable Content",
          "target '"
              + targetId
              + "' is a "
              + t.kind()
              + " target; drafts read the schema of a postgres or sqlite target");
    }
    DraftRequest r =
        request.schema() == null && t.schema() != null && !t.schema().isBlank()
            ? withSchema(request, t.schema())
            : request;
    if (!gate.enter()) {
      throw ApiException.tooMany("another draft is reading a database; retry when it is done", 30);
    }
    DatabaseDraft.Result result;
    try {
      result = DatabaseDraft.run(t.kind(), t.dsn(), r, STATEMENT_LIMIT, MAX_TABLES);
    } catch (IllegalArgumentException e) {
      throw new ApiException(422, "Unprocessable Content", Redactor.text(e.getMessage()));
    } catch (SinkException e) {
      throw new ApiException(
          502,
          "Bad Gateway",
          "cannot read the schema of target '"
              + targetId
              + "': "
              + Redactor.text(String.valueOf(e.getMessage()))
              + "; test the target (POST /api/v1/targets/"
              + targetId
              + "/test)");
    } finally {
      gate.leave();
    }
    CompiledPlan plan = compile(result);
    String savedAs = save ? save(result, overwrite) : null;
    audit.append(
        new AuditEntry(
            clock.instant(),
            session.getCallerPrincipal().getName(),
            save ? "scenario.draft.save" : "scenario.draft",
            "target:" + targetId,
            result.schema().tables().size()
                + " tables of "
                + result.schema().dialect()
                + " schema "
                + result.schema().name()
                + (savedAs == null ? "" : " saved as " + savedAs),
            trace.traceId()));
    return outcome(result, plan.totalRows(), savedAs);
  }

  private static DraftRequest withSchema(DraftRequest r, String schema) {
    return new DraftRequest(
        schema, r.include(), r.exclude(), r.sample(), r.k(), r.onUnknown(), r.id(), r.copySchema());
  }

  /** A draft always compiles; if one does not, that is syngen's defect, shown with its problems. */
  private CompiledPlan compile(DatabaseDraft.Result result) {
    Problems problems = new Problems();
    Scenario s = ScenarioDocuments.read(result.yaml(), result.id(), "", problems);
    CompiledPlan plan = s == null ? null : compiler.compile(s, RunOverrides.NONE, problems);
    if (!problems.isEmpty() || plan == null) {
      throw new IllegalStateException("the drafted scenario does not compile: " + problems.list());
    }
    return plan;
  }

  private String save(DatabaseDraft.Result result, boolean overwrite) {
    if (!ScenarioCatalog.ID.matcher(result.id()).matches()) {
      throw new ApiException(
          422, "Unprocessable Content", "id '" + result.id() + "' cannot name a scenario file");
    }
    Path dir = settings.scenariosDir();
    Path file = dir.resolve(result.id() + ".yaml").normalize();
    if (!file.getParent().equals(dir.normalize())) {
      throw new ApiException(422, "Unprocessable Content", "id must name a file in scenarios/");
    }
    if (Files.exists(file) && !overwrite) {
      throw ApiException.conflict(
          "scenarios/"
              + file.getFileName()
              + " exists; choose another id, or set overwrite to replace it");
    }
    try {
      Files.createDirectories(dir);
      Files.writeString(file, result.yaml(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write " + file + ": " + e.getMessage(), e);
    }
    return file.getFileName().toString();
  }

  private static DraftOutcome outcome(DatabaseDraft.Result r, long totalRows, String savedAs) {
    List<DraftOutcome.DraftTable> tables =
        r.schema().tables().stream()
            .map(
                (DbTable t) ->
                    new DraftOutcome.DraftTable(
                        t.name(),
                        t.rows(),
                        t.columns().size(),
                        t.primaryKey(),
                        t.foreignKeys().stream().map(DbForeignKey::parent).distinct().toList()))
            .toList();
    return new DraftOutcome(
        r.id(),
        r.yaml(),
        r.schema().dialect(),
        r.schema().name(),
        tables,
        r.notes(),
        r.ddl(),
        totalRows,
        savedAs,
        r.readMillis(),
        r.sampleMillis(),
        r.draftMillis());
  }
}
