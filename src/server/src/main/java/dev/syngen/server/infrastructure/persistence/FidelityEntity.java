package dev.syngen.server.infrastructure.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import java.time.Instant;

/** A fidelity check of a run: when, by whom, the verdict, and the report as JSON and as HTML. */
@Entity
@Table(name = "SYNGEN_FIDELITY")
public class FidelityEntity {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  @Column(name = "id")
  Long id;

  @Column(name = "run_id", length = 40, nullable = false, updatable = false)
  String runId;

  @Column(name = "checked_at", nullable = false, updatable = false)
  Instant checkedAt;

  @Column(name = "checked_by", length = 128, updatable = false)
  String checkedBy;

  @Column(name = "verdict", length = 8, nullable = false, updatable = false)
  String verdict;

  @Column(name = "tolerance", length = 16, updatable = false)
  String tolerance;

  @Lob
  @Column(name = "report_json", updatable = false)
  String reportJson;

  @Lob
  @Column(name = "report_html", updatable = false)
  String reportHtml;
}
