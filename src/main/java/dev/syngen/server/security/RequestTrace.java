package dev.syngen.server.security;

import jakarta.enterprise.context.RequestScoped;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The trace id of the current request: taken from a W3C {@code traceparent} header when the caller
 * sends one, else a new random id. Stored with runs, run logs and audit entries.
 */
@RequestScoped
public class RequestTrace {
  private static final Pattern TRACEPARENT =
      Pattern.compile("[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}");

  private String traceId;

  /** Adopts the trace id of {@code traceparent} if it is well formed, else makes one. */
  public void begin(String traceparent) {
    var m = traceparent == null ? null : TRACEPARENT.matcher(traceparent.trim());
    traceId = m != null && m.matches() ? m.group(1) : newId();
  }

  public String traceId() {
    if (traceId == null) {
      traceId = newId();
    }
    return traceId;
  }

  static String newId() {
    byte[] b = new byte[16];
    new SecureRandom().nextBytes(b);
    return HexFormat.of().formatHex(b);
  }
}
