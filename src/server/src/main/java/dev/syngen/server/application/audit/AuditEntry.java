package dev.syngen.server.application.audit;

import java.time.Instant;

/** One audit entry as written and read back; {@code details} is redacted before it is stored. */
public record AuditEntry(
    Instant time, String actor, String action, String subject, String details, String traceId) {}
