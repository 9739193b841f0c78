package dev.syngen.server.rest;

import java.util.Locale;

/** An RFC 7807 problem as JSON text, for error pages written outside JAX-RS. */
final class ProblemJson {
  private ProblemJson() {}

  static String of(String title, int status, String detail, String instance) {
    return "{\"type\":\"urn:syngen:problem:"
        + title.toLowerCase(Locale.ROOT).replace(' ', '-')
        + "\",\"title\":\""
        + escape(title)
        + "\",\"status\":"
        + status
        + ",\"detail\":\""
        + escape(detail)
        + "\",\"instance\":"
        + (instance == null || instance.isEmpty() ? "null" : "\"" + escape(instance) + "\"")
        + "}";
  }

  private static String escape(String s) {
    StringBuilder sb = new StringBuilder();
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') {
        sb.append('\\').append(c);
      } else if (c >= 0x20) {
        sb.append(c);
      }
    }
    return sb.toString();
  }
}
