package dev.syngen.server.interfaces.view;

import dev.syngen.server.application.cluster.MemberState;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;

/**
 * One member of a cluster in {@code GET /api/v1/cluster/members} and the console's Executors panel:
 * its name ({@code <Liberty server>@<host>}), role, {@code up} or {@code down}, chunks it is
 * writing now, chunks and rows it wrote since it started, rows/s between its last two heartbeats,
 * and when it started and was last seen.
 */
@JsonbPropertyOrder({
  "name",
  "role",
  "state",
  "chunksRunning",
  "chunksWritten",
  "rowsWritten",
  "rowsPerSecond",
  "startedAt",
  "seenAt"
})
public record ClusterMemberView(
    String name,
    String role,
    String state,
    int chunksRunning,
    long chunksWritten,
    long rowsWritten,
    double rowsPerSecond,
    Instant startedAt,
    Instant seenAt) {
  public static ClusterMemberView of(MemberState m) {
    return new ClusterMemberView(
        m.name(),
        m.role(),
        m.state(),
        m.chunksRunning(),
        m.chunksWritten(),
        m.rowsWritten(),
        m.rowsPerSecond(),
        m.startedAt(),
        m.seenAt());
  }
}
