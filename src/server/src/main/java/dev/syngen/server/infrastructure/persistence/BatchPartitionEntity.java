package dev.syngen.server.infrastructure.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * How far one (entity, row range) partition of a batch run has come: its next row, saved in the
 * chunk transaction that also saves the job's checkpoint, so the two never disagree.
 */
@Entity
@Table(name = "SYNGEN_BATCH_PARTITION")
public class BatchPartitionEntity {
  @Id
  @Column(name = "id", length = 300)
  String id;

  @Column(name = "run_id", length = 40, nullable = false, updatable = false)
  String runId;

  @Column(name = "entity_name", length = 64, nullable = false, updatable = false)
  String entity;

  @Column(name = "first_row", nullable = false, updatable = false)
  long firstRow;

  @Column(name = "next_row", nullable = false)
  long nextRow;

  @Column(name = "bytes_written", nullable = false)
  long bytes;

  /** The server that wrote the partition's last chunk (Liberty's wlp.server.name on a host). */
  @Column(name = "server_name", length = 256)
  String server;

  /** The server that last took one of the partition's chunks from the partition queue. */
  @Column(name = "taken_by", length = 256)
  String takenBy;

  /** Chunks of the partition the dispatcher sent again: no executor reported them in time. */
  @Column(name = "redispatched_chunks", nullable = false)
  int redispatched;

  /** Why the last chunk dispatched to an executor failed; null once a chunk succeeds. */
  @Column(name = "error_message", length = 4000)
  String error;
}
