package dev.syngen.server.infrastructure.security;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import jakarta.enterprise.context.RequestScoped;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * The trace id of the current request: the OpenTelemetry span's when tracing is on (mpTelemetry,
 * docs/logging.md), else taken from a W3C {@code traceparent} header when the caller sends one,
 * else a new random id. Stored with runs, run logs and audit entries, so they name the trace the
 * spans of the request and its run belong to.
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
    SpanContext span = Span.current().getSpanContext();
    if (span.isValid()) {
      return span.getTraceId();
    }
    if (traceId == null) {
      traceId = newId();
    }
    return traceId;
  }

  /** A random 128-bit id: unique, not secret, so a fast thread-local generator serves. */
  static String newId() {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    return HexFormat.of().toHexDigits(r.nextLong()) + HexFormat.of().toHexDigits(r.nextLong());
  }
}
