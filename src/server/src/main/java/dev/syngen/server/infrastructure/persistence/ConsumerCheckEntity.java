package dev.syngen.server.infrastructure.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The example consumer's latest verdict on one entity of one run (docs/consumers.md). */
@Entity
@Table(name = "SYNGEN_CONSUMER_CHECK")
public class ConsumerCheckEntity {
  /** {@code <run id>/<entity>}. */
  @Id
  @Column(name = "id", length = 112)
  String id;

  @Column(name = "run_id", length = 40, nullable = false)
  String runId;

  @Column(name = "entity_name", length = 64, nullable = false)
  String entity;

  @Column(name = "rows_expected")
  Long expected;

  @Column(name = "rows_received", nullable = false)
  long received;

  @Column(name = "rows_duplicated", nullable = false)
  long duplicates;

  @Column(name = "rows_missing")
  Long missing;

  @Column(name = "rows_unexpected", nullable = false)
  long unexpected;

  @Column(name = "rows_untracked", nullable = false)
  long untracked;

  @Column(name = "is_complete", nullable = false)
  int complete;

  @Column(name = "checked_at", nullable = false)
  Instant checkedAt;
}
