package dev.syngen.server.application.fidelity;

import java.time.Instant;

/**
 * A stored fidelity report of a run: its verdict ({@code GO} or {@code NO-GO}), the tolerance band
 * it was judged with, and the full report as JSON and as a self-contained HTML page.
 */
public record StoredFidelity(
    long id,
    String runId,
    Instant checkedAt,
    String checkedBy,
    String verdict,
    String tolerance,
    String json,
    String html) {}
