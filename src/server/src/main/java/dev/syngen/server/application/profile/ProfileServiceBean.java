package dev.syngen.server.application.profile;

import dev.syngen.core.fidelity.TableSource;
import dev.syngen.core.problem.Problems;
import dev.syngen.core.profile.Profiler;
import dev.syngen.core.profile.TableProfile;
import dev.syngen.core.sink.Redactor;
import dev.syngen.core.sink.TargetProfile;
import dev.syngen.io.TableSources;
import dev.syngen.server.application.audit.AuditEntry;
import dev.syngen.server.application.error.ApiException;
import dev.syngen.server.application.target.TargetResolver;
import dev.syngen.server.application.target.TargetService;
import dev.syngen.server.infrastructure.persistence.JpaAuditLog;
import dev.syngen.server.infrastructure.security.RequestTrace;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The profile use case: resolve the stored target (never a caller's path or DSN), sample the table
 * on a managed thread, one profile at a time, and answer within {@link #TIME_LIMIT}; audit it. The
 * profile holds aggregates only (categories and clusters of at least k rows); errors from the
 * target reach the caller redacted.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ProfileServiceBean implements ProfileService {
  @Resource SessionContext session;

  @Resource(lookup = "java:comp/DefaultManagedExecutorService")
  ManagedExecutorService executor;

  @Inject TargetService targets;
  @Inject TargetResolver resolver;
  @Inject ProfileGate gate;
  @Inject JpaAuditLog audit;
  @Inject RequestTrace trace;
  @Inject Clock clock;

  @Override
  @RolesAllowed("admin")
  public TableProfile profile(String targetId, ProfileRequest request) {
    Problems problems = new Problems();
    TargetProfile target = resolver.resolve(targets.get(targetId).spec(), "target", problems);
    if (target == null) {
      throw ApiException.conflict(
          "target '" + targetId + "' is not usable: " + problems.list() + "; fix the target first");
    }
    if (!gate.enter()) {
      throw ApiException.tooMany("another profile is reading a target; retry when it is done", 10);
    }
    long started = System.nanoTime();
    TableProfile profile = await(target, request);
    long ms = (System.nanoTime() - started) / 1_000_000;
    audit.append(
        new AuditEntry(
            clock.instant(),
            session.getCallerPrincipal().getName(),
            "target.profile",
            "target:" + targetId,
            "table "
                + request.table()
                + ": "
                + profile.sampled()
                + " of "
                + profile.rows()
                + " rows sampled, "
                + request.clusters().method().label()
                + ", "
                + ms
                + " ms",
            trace.traceId()));
    return profile;
  }

  /**
   * Profiles on a managed thread that releases the gate when it ends, however long that is; a
   * profile cancelled before it began releases it here.
   */
  private TableProfile await(TargetProfile target, ProfileRequest request) {
    AtomicBoolean begun = new AtomicBoolean();
    Future<TableProfile> work;
    try {
      work =
          executor.submit(
              () -> {
                if (!begun.compareAndSet(false, true)) {
                  return null;
                }
                try (TableSource source = TableSources.open(target)) {
                  return new Profiler(request.k(), request.sample(), request.clusters(), 42)
                      .profile(source, request.table());
                } finally {
                  gate.leave();
                }
              });
    } catch (RejectedExecutionException e) {
      gate.leave();
      throw new ApiException(503, "Service Unavailable", "no thread is free to profile; retry", 10);
    }
    try {
      return work.get(TIME_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      stop(work, begun);
      throw new ApiException(
          504,
          "Gateway Timeout",
          "profiling table '"
              + request.table()
              + "' took longer than "
              + TIME_LIMIT.toSeconds()
              + " s; sample fewer rows or look for fewer clusters");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stop(work, begun);
      throw new ApiException(503, "Service Unavailable", "interrupted while profiling; retry");
    } catch (ExecutionException e) {
      throw failed(target, request, e.getCause());
    }
  }

  private void stop(Future<TableProfile> work, AtomicBoolean begun) {
    if (work.cancel(true) && begun.compareAndSet(false, true)) {
      gate.leave();
    }
  }

  private static ApiException failed(TargetProfile target, ProfileRequest r, Throwable cause) {
    if (cause instanceof IllegalArgumentException) {
      return new ApiException(422, "Unprocessable Content", Redactor.text(cause.getMessage()));
    }
    return new ApiException(
        502,
        "Bad Gateway",
        "cannot profile table '"
            + r.table()
            + "' of target '"
            + target.id()
            + "' ("
            + target.kind()
            + "): "
            + Redactor.text(String.valueOf(cause.getMessage()))
            + "; check the table exists there and test the target (POST /api/v1/targets/"
            + target.id()
            + "/test)");
  }
}
