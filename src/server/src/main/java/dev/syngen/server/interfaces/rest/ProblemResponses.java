package dev.syngen.server.interfaces.rest;

import dev.syngen.core.problem.Problem;
import dev.syngen.core.problem.ValidationException;
import dev.syngen.core.sink.Redactor;
import dev.syngen.server.application.error.ApiException;
import jakarta.ws.rs.WebApplicationException;
import java.util.List;
import java.util.Locale;

/** Builds the problem document for each kind of failure the API reports. */
final class ProblemResponses {
  private static final String TYPE = "urn:syngen:problem:";

  private ProblemResponses() {}

  static ProblemDetails validation(ValidationException e, String instance, String trace) {
    List<ProblemDetails.FieldError> errors =
        e.problems().stream().map(ProblemDetails.FieldError::of).toList();
    String detail =
        errors.size() == 1
            ? "1 problem: " + describe(e.problems().get(0))
            : errors.size() + " problems, first: " + describe(e.problems().get(0));
    return new ProblemDetails(
        TYPE + "validation", "Invalid request", 422, detail, instance, trace, errors);
  }

  static ProblemDetails malformed(String detail, String instance, String trace) {
    return new ProblemDetails(
        TYPE + "malformed-body", "Malformed request body", 400, detail, instance, trace, List.of());
  }

  static ProblemDetails api(ApiException e, String instance, String trace) {
    return new ProblemDetails(
        TYPE + slug(e.title()), e.title(), e.status(), e.getMessage(), instance, trace, List.of());
  }

  static ProblemDetails web(WebApplicationException e, String instance, String trace) {
    int status = e.getResponse().getStatus();
    String title = e.getResponse().getStatusInfo().getReasonPhrase();
    String detail = e.getMessage() == null ? title : Redactor.text(e.getMessage());
    return new ProblemDetails(
        TYPE + slug(title), title, status, detail, instance, trace, List.of());
  }

  static ProblemDetails internal(String instance, String trace) {
    return new ProblemDetails(
        TYPE + "internal",
        "Internal Server Error",
        500,
        "the server failed to handle the request; the server log has the details under trace id "
            + trace,
        instance,
        trace,
        List.of());
  }

  private static String describe(Problem p) {
    return p.toString();
  }

  private static String slug(String title) {
    return title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
  }
}
