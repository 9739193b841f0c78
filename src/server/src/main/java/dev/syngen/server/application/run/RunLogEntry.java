package dev.syngen.server.application.run;

import java.time.Instant;

/** One run log line as read back. */
public record RunLogEntry(
    Instant time, String level, String entity, String message, String traceId) {}
