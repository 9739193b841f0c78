package dev.syngen.server.interfaces.rest;

import dev.syngen.core.problem.ValidationException;
import dev.syngen.server.application.error.ApiException;
import dev.syngen.server.application.error.Causes;
import dev.syngen.server.infrastructure.security.RequestTrace;
import dev.syngen.server.interfaces.web.ProblemDetails;
import dev.syngen.server.interfaces.web.ProblemDocuments;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import jakarta.inject.Inject;
import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.transaction.xa.XAException;

/**
 * Turns every failure into an RFC 7807 problem: validation → 422 with field paths, malformed bodies
 * → 400, use-case refusals with their status, container errors with theirs; anything unexpected →
 * 500 without internals, logged under the request's trace id.
 */
@Provider
public class ProblemMapper implements ExceptionMapper<Throwable> {
  private static final Logger LOG = Logger.getLogger(ProblemMapper.class.getName());

  @Context UriInfo uri;
  @Inject RequestTrace trace;

  @Override
  public Response toResponse(Throwable thrown) {
    Throwable e = unwrap(thrown);
    if (!(e instanceof ApiException) && isDatabaseBusy(thrown)) {
      e =
          new ApiException(
              503,
              "Service Unavailable",
              "the run-history database is busy (a lock wait timed out), so nothing was changed;"
                  + " retry in a moment",
              2);
    } else if (!(e instanceof ApiException) && isDatabaseUnreachable(thrown)) {
      LOG.warning("request " + instanceOf() + ": the run-history database is unreachable");
      e =
          new ApiException(
              503,
              "Service Unavailable",
              "the run-history database cannot be reached, so nothing was changed; retry when"
                  + " /health/ready reports it back",
              5);
    }
    if (e instanceof WebApplicationException w && w.getResponse().hasEntity()) {
      return w.getResponse(); // a resource built its own answer
    }
    String instance = uri == null ? null : uri.getRequestUri().getPath();
    String id = trace.traceId();
    ProblemDetails p;
    if (e instanceof ValidationException v) {
      p = ProblemDocuments.validation(v, instance, id);
    } else if (e instanceof ApiException a) {
      p = ProblemDocuments.of(a.status(), a.title(), a.getMessage(), instance, id);
    } else if (e instanceof JsonParsingException || e instanceof JsonbException) {
      p = ProblemDocuments.malformed("the body is not valid JSON: " + e.getMessage(), instance, id);
    } else if (e instanceof EJBAccessException) {
      p = ProblemDocuments.of(403, "Forbidden", "this call needs the admin role", instance, id);
    } else if (e instanceof WebApplicationException w) {
      String title = w.getResponse().getStatusInfo().getReasonPhrase();
      String detail = w.getMessage() == null ? title : w.getMessage();
      p = ProblemDocuments.of(w.getResponse().getStatus(), title, detail, instance, id);
    } else {
      LOG.log(Level.SEVERE, "request " + instance + " failed (trace id " + id + ")", thrown);
      p =
          ProblemDocuments.of(
              500,
              "Internal Server Error",
              "the server failed to handle the request; the server log has the details under"
                  + " trace id "
                  + id,
              instance,
              id);
    }
    Response.ResponseBuilder r =
        Response.status(p.status()).type(ProblemDocuments.MEDIA_TYPE).entity(p);
    if (e instanceof ApiException a && a.retryAfterSeconds() > 0) {
      r.header("Retry-After", a.retryAfterSeconds());
    }
    return r.build();
  }

  /**
   * Whether a request failed because the run-history database gave up waiting for a lock or broke a
   * deadlock (Derby 40XL1/40XL2, SQL 40001, PostgreSQL 40P01/55P03, or an XA rollback code such as
   * XA_RBTIMEOUT, which is how a lock timeout of an XA branch surfaces): its transaction was rolled
   * back, so the caller may simply retry, and the answer is 503 with Retry-After, not a 500.
   */
  static boolean isDatabaseBusy(Throwable thrown) {
    return Causes.sqlState(thrown, BUSY_STATES::contains)
        || Causes.any(
            thrown,
            t ->
                t instanceof XAException xa
                    && xa.errorCode >= XAException.XA_RBBASE
                    && xa.errorCode <= XAException.XA_RBEND);
  }

  /**
   * Whether a request failed because no connection to the run-history database could be made or
   * kept (SQL state class 08, connection exception): 503 with Retry-After, not a 500.
   */
  static boolean isDatabaseUnreachable(Throwable thrown) {
    return Causes.sqlState(thrown, state -> state.startsWith("08"));
  }

  private String instanceOf() {
    return uri == null ? "?" : uri.getRequestUri().getPath();
  }

  private static final Set<String> BUSY_STATES =
      Set.of("40XL1", "40XL2", "40001", "40P01", "55P03");

  private static Throwable unwrap(Throwable t) {
    Throwable e = t;
    while (e instanceof EJBException
        && !(e instanceof EJBAccessException)
        && e.getCause() != null) {
      e = e.getCause();
    }
    return e;
  }
}
