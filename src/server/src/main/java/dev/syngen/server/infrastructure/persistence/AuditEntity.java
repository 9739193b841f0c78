package dev.syngen.server.infrastructure.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One audit entry: who did what to which subject, when. Append-only: every column is non-updatable,
 * and {@link JpaAuditLog} offers no update or delete.
 */
@Entity
@Table(name = "SYNGEN_AUDIT")
public class AuditEntity {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  @Column(name = "id")
  Long id;

  @Column(name = "occurred_at", nullable = false, updatable = false)
  Instant time;

  @Column(name = "actor", length = 128, nullable = false, updatable = false)
  String actor;

  @Column(name = "audit_action", length = 64, nullable = false, updatable = false)
  String action;

  @Column(name = "subject", length = 256, nullable = false, updatable = false)
  String subject;

  @Column(name = "details", length = 4000, updatable = false)
  String details;

  @Column(name = "trace_id", length = 64, updatable = false)
  String traceId;
}
