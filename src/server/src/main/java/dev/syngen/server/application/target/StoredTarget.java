package dev.syngen.server.application.target;

import java.time.Instant;

/** A stored target with where it came from ({@code file} or {@code api}) and when it changed. */
public record StoredTarget(TargetSpec spec, String source, Instant createdAt, Instant updatedAt) {}
