package dev.syngen.server.interfaces.web;

import dev.syngen.core.problem.Problem;
import dev.syngen.core.problem.ValidationException;
import dev.syngen.core.sink.Redactor;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The one builder of RFC 7807 problem documents, for JAX-RS (as the entity), servlets and filters
 * (as JSON text) and the WebSocket (as a message's fields): one {@code urn:syngen:problem:} type
 * scheme, validation problems with path, message and fix, texts redacted of secrets.
 */
public final class ProblemDocuments {
  public static final String MEDIA_TYPE = "application/problem+json";
  private static final String TYPE = "urn:syngen:problem:";

  private ProblemDocuments() {}

  /** Invalid content: 422 with every problem at its path. */
  public static ProblemDetails validation(ValidationException e, String instance, String trace) {
    List<Problem> problems = e.problems();
    List<ProblemDetails.FieldError> errors =
        problems.stream()
            .map(p -> new ProblemDetails.FieldError(p.path(), Redactor.text(p.message()), p.fix()))
            .toList();
    String first = problems.isEmpty() ? "" : Redactor.text(problems.get(0).toString());
    String detail =
        problems.size() == 1
            ? "1 problem: " + first
            : problems.size() + " problems, first: " + first;
    return new ProblemDetails(
        TYPE + "validation", "Invalid request", 422, detail, instance, trace, errors);
  }

  /** A body or message that is not JSON: 400. */
  public static ProblemDetails malformed(String detail, String instance, String trace) {
    return new ProblemDetails(
        TYPE + "malformed-body",
        "Malformed request body",
        400,
        Redactor.text(detail),
        instance,
        trace,
        List.of());
  }

  /** Any other refusal or failure, typed by its title ({@code Too Many Requests}: …-requests). */
  public static ProblemDetails of(
      int status, String title, String detail, String instance, String trace) {
    return new ProblemDetails(
        TYPE + slug(title),
        title,
        status,
        Redactor.text(String.valueOf(detail)),
        instance,
        trace,
        List.of());
  }

  /** As JSON text with the fields JSON-B writes for the API (snake_case, nulls written out). */
  public static String json(ProblemDetails p) {
    JsonObjectBuilder b =
        Json.createObjectBuilder()
            .add("type", p.type())
            .add("title", p.title())
            .add("status", p.status())
            .add("detail", p.detail());
    add(b, "instance", p.instance());
    add(b, "trace_id", p.traceId());
    JsonArrayBuilder errors = Json.createArrayBuilder();
    for (ProblemDetails.FieldError e : p.errors()) {
      JsonObjectBuilder o = Json.createObjectBuilder();
      add(o, "path", e.path());
      add(o, "message", e.message());
      add(o, "fix", e.fix());
      errors.add(o);
    }
    return b.add("errors", errors).build().toString();
  }

  /** Answers with the problem: its status, {@value #MEDIA_TYPE} in UTF-8, the document. */
  public static void send(HttpServletResponse res, ProblemDetails p) throws IOException {
    res.setStatus(p.status());
    res.setContentType(MEDIA_TYPE);
    res.setCharacterEncoding("UTF-8");
    res.getWriter().write(json(p));
  }

  /** The document's fields for a message of its own (the WebSocket's {@code error}). */
  public static Map<String, Object> fields(ProblemDetails p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("type", p.type());
    m.put("title", p.title());
    m.put("status", p.status());
    m.put("detail", p.detail());
    if (!p.errors().isEmpty()) {
      m.put(
          "errors",
          p.errors().stream()
              .map(
                  e -> {
                    Map<String, Object> f = new LinkedHashMap<>();
                    f.put("path", e.path());
                    f.put("message", e.message());
                    f.put("fix", e.fix() == null ? "" : e.fix());
                    return f;
                  })
              .toList());
    }
    return m;
  }

  private static void add(JsonObjectBuilder b, String name, String value) {
    if (value == null) {
      b.addNull(name);
    } else {
      b.add(name, value);
    }
  }

  private static String slug(String title) {
    return title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
  }
}
