package dev.syngen.server.interfaces.rest;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;

/** An RFC 7807 problem as JSON text, for error pages and filters written outside JAX-RS. */
public final class ProblemJson {
  private ProblemJson() {}

  /** Answers with the problem: status, {@code application/problem+json} in UTF-8, the body. */
  public static void send(
      HttpServletResponse res, String title, int status, String detail, String instance)
      throws IOException {
    res.setStatus(status);
    res.setContentType(ProblemDetails.MEDIA_TYPE);
    res.setCharacterEncoding("UTF-8");
    res.getWriter().write(of(title, status, detail, instance));
  }

  public static String of(String title, int status, String detail, String instance) {
    JsonObjectBuilder b =
        Json.createObjectBuilder()
            .add("type", "urn:syngen:problem:" + title.toLowerCase(Locale.ROOT).replace(' ', '-'))
            .add("title", title)
            .add("status", status)
            .add("detail", detail);
    if (instance == null || instance.isEmpty()) {
      b.addNull("instance");
    } else {
      b.add("instance", instance);
    }
    return b.build().toString();
  }
}
