package dev.syngen.server.infrastructure.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One line of a run's log: level, time, entity (if any), message and trace id. */
@Entity
@Table(name = "SYNGEN_RUN_LOG")
public class RunLogEntity {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  @Column(name = "id")
  Long id;

  @Column(name = "run_id", length = 40, nullable = false, updatable = false)
  String runId;

  @Column(name = "log_level", length = 8, nullable = false, updatable = false)
  String level;

  @Column(name = "logged_at", nullable = false, updatable = false)
  Instant time;

  @Column(name = "entity_name", length = 64, updatable = false)
  String entity;

  @Column(name = "message_text", length = 4000, nullable = false, updatable = false)
  String message;

  @Column(name = "trace_id", length = 64, updatable = false)
  String traceId;
}
