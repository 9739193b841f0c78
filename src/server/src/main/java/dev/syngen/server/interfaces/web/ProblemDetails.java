package dev.syngen.server.interfaces.web;

import dev.syngen.core.problem.Problem;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;

/**
 * An RFC 7807 problem document. {@code errors} lists validation problems, each with the path of the
 * field it concerns, what is wrong and how to fix it.
 */
@JsonbPropertyOrder({"type", "title", "status", "detail", "instance", "traceId", "errors"})
public record ProblemDetails(
    String type,
    String title,
    int status,
    String detail,
    String instance,
    String traceId,
    List<FieldError> errors) {
  public static final String MEDIA_TYPE = "application/problem+json";

  /** One field's problem. */
  @JsonbPropertyOrder({"path", "message", "fix"})
  public record FieldError(String path, String message, String fix) {
    public static FieldError of(Problem p) {
      return new FieldError(p.path(), p.message(), p.fix());
    }
  }
}
