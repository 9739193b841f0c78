package dev.syngen.server.interfaces.rest;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.util.Locale;

/** An RFC 7807 problem as JSON text, for error pages written outside JAX-RS. */
public final class ProblemJson {
  private ProblemJson() {}

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
