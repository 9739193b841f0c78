package dev.syngen.server.infrastructure.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One dispatcher or executor server of a cluster as its last heartbeat left it: when it started and
 * was last seen, its chunk counts since it started, and the rows and time of the heartbeat before,
 * from which its rows/s follow. Only the server itself writes its row; any member deletes it once
 * the server has been down for syngen.cluster.member-retention-minutes, an admin sooner.
 */
@Entity
@Table(name = "SYNGEN_CLUSTER_MEMBER")
public class ClusterMemberEntity {
  /** The Liberty server on its host, as in the partitions' server_name. */
  @Id
  @Column(name = "server_name", length = 256)
  String name;

  @Column(name = "member_role", length = 16, nullable = false)
  String role;

  @Column(name = "started_at", nullable = false)
  Instant startedAt;

  @Column(name = "seen_at", nullable = false)
  Instant seenAt;

  @Column(name = "heartbeat_seconds", nullable = false)
  int heartbeatSeconds;

  @Column(name = "chunks_running", nullable = false)
  int chunksRunning;

  @Column(name = "chunks_written", nullable = false)
  long chunksWritten;

  @Column(name = "rows_written", nullable = false)
  long rowsWritten;

  @Column(name = "previous_seen_at", nullable = false)
  Instant previousSeenAt;

  @Column(name = "previous_rows_written", nullable = false)
  long previousRowsWritten;
}
