package dev.syngen.server.application.target;

import dev.syngen.core.problem.Problems;
import dev.syngen.core.sink.Redactor;
import dev.syngen.core.sink.TargetProfile;
import dev.syngen.core.sink.TargetTestResult;
import dev.syngen.server.application.audit.AuditEntry;
import dev.syngen.server.application.error.ApiException;
import dev.syngen.server.infrastructure.persistence.JpaAuditLog;
import dev.syngen.server.infrastructure.persistence.JpaTargetStore;
import dev.syngen.server.infrastructure.security.RequestTrace;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;

/** Target use cases: every change is validated first and audited with its actor. */
@Stateless
public class TargetServiceBean implements TargetService {
  @Resource SessionContext session;
  @Inject JpaTargetStore store;
  @Inject JpaAuditLog audit;
  @Inject TargetResolver resolver;
  @Inject TargetGateway gateway;
  @Inject RequestTrace trace;
  @Inject Clock clock;

  @Override
  @PermitAll
  public List<StoredTarget> list() {
    return store.list();
  }

  @Override
  @PermitAll
  public StoredTarget get(String id) {
    return store.find(id).orElseThrow(() -> ApiException.notFound("no target '" + id + "'"));
  }

  @Override
  @RolesAllowed("admin")
  public StoredTarget create(TargetSpec spec) {
    validate(spec);
    if (!store.create(spec, "api")) {
      throw ApiException.conflict(
          "a target with id '"
              + spec.id()
              + "' exists; PUT /api/v1/targets/"
              + spec.id()
              + " changes it");
    }
    record("target.create", spec);
    return get(spec.id());
  }

  @Override
  @RolesAllowed("admin")
  public StoredTarget update(String id, TargetSpec edited) {
    StoredTarget before =
        store
            .find(id)
            .orElseThrow(
                () ->
                    ApiException.notFound(
                        "no target '" + id + "'; POST /api/v1/targets creates one"));
    Problems problems = new Problems();
    TargetSpec spec = TargetSecrets.keepStored(before.spec(), edited, problems);
    problems.throwIfAny("target '" + id + "'");
    validate(spec);
    if (!store.update(spec)) {
      throw ApiException.notFound("no target '" + id + "'; POST /api/v1/targets creates one");
    }
    record("target.update", spec);
    return get(id);
  }

  @Override
  @RolesAllowed("admin")
  public void delete(String id) {
    StoredTarget t = get(id);
    store.delete(id);
    record("target.delete", t.spec());
  }

  @Override
  @RolesAllowed("admin")
  public TargetTestResult test(String id) {
    Problems problems = new Problems();
    TargetProfile profile = resolver.resolve(get(id).spec(), "", problems);
    problems.throwIfAny("target '" + id + "'");
    return gateway.test(profile);
  }

  private void validate(TargetSpec spec) {
    Problems problems = new Problems();
    resolver.resolve(spec, "", problems);
    problems.throwIfAny("target '" + spec.id() + "'");
  }

  private void record(String action, TargetSpec spec) {
    String details =
        "kind=" + spec.kind() + " dsn=" + Redactor.dsn(spec.dsn()) + " name=" + spec.name();
    audit.append(
        new AuditEntry(
            clock.instant(),
            session.getCallerPrincipal().getName(),
            action,
            "target:" + spec.id(),
            details,
            trace.traceId()));
  }
}
