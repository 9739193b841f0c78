package dev.syngen.server.interfaces.stream;

import dev.syngen.core.problem.Problem;
import dev.syngen.core.problem.ValidationException;
import dev.syngen.core.sink.Redactor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Problem documents for the WebSocket endpoint, with validation field paths and the statuses the
 * REST API uses (422 for invalid content, 400 for malformed JSON).
 */
final class Problems {
  private Problems() {}

  static Map<String, Object> of(int status, String title, String detail, List<Problem> errors) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("type", "about:blank");
    m.put("title", title);
    m.put("status", status);
    m.put("detail", Redactor.text(detail));
    if (!errors.isEmpty()) {
      m.put(
          "errors",
          errors.stream()
              .map(
                  p ->
                      Map.of(
                          "path",
                          p.path(),
                          "message",
                          Redactor.text(p.message()),
                          "fix",
                          p.fix() == null ? "" : p.fix()))
              .toList());
    }
    return m;
  }

  static Map<String, Object> invalid(ValidationException e) {
    return of(
        422,
        "Invalid request",
        e.getMessage().lines().findFirst().orElse("invalid request"),
        e.problems());
  }
}
