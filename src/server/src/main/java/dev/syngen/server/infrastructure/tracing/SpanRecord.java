package dev.syngen.server.infrastructure.tracing;

import java.time.Instant;

/**
 * A finished span of a run as the console's trace view shows it: what, which span under which, when
 * and how long, and the rows it covered (-1 where it covers none).
 */
public record SpanRecord(
    String traceId,
    String spanId,
    String parentSpanId,
    String name,
    Instant start,
    long durationMicros,
    long rows) {}
