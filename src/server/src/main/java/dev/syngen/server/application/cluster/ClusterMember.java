package dev.syngen.server.application.cluster;

import java.time.Instant;

/**
 * A member's last heartbeat as stored: its name ({@code <Liberty server>@<host>}), role, when it
 * started and was seen, its heartbeat interval, its chunks running now and written since it started
 * with their rows, and the time and rows of the heartbeat before this one.
 */
public record ClusterMember(
    String name,
    String role,
    Instant startedAt,
    Instant seenAt,
    int heartbeatSeconds,
    int chunksRunning,
    long chunksWritten,
    long rowsWritten,
    Instant previousSeenAt,
    long previousRowsWritten) {}
