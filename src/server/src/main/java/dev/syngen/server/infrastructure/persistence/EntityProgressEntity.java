package dev.syngen.server.infrastructure.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A stored {@link dev.syngen.core.engine.EntityProgress}: one entity's part of a run. */
@Entity
@Table(name = "SYNGEN_RUN_ENTITY")
public class EntityProgressEntity {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  @Column(name = "id")
  Long id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "run_id", nullable = false)
  RunRecordEntity run;

  @Column(name = "entity_order", nullable = false)
  int position;

  @Column(name = "entity_name", length = 64, nullable = false)
  String entity;

  @Column(name = "table_name", length = 64)
  String table;

  @Column(name = "rows_planned", nullable = false)
  long rowsPlanned;

  @Column(name = "rows_written", nullable = false)
  long rowsWritten;

  @Column(name = "duration_ms", nullable = false)
  long durationMillis;
}
