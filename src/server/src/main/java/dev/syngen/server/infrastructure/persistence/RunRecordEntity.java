package dev.syngen.server.infrastructure.persistence;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One run: what {@link dev.syngen.core.engine.RunRecord} holds, plus what the server needs to
 * restart or rerun it (the scenario document, the target specification, the request's overrides)
 * and who started it. {@code targetSpec} may hold credentials and is never shown.
 */
@Entity
@Table(name = "SYNGEN_RUN")
public class RunRecordEntity {
  @Id
  @Column(name = "id", length = 40)
  String id;

  @Column(name = "status", length = 16, nullable = false)
  String status;

  @Column(name = "scenario_id", length = 128)
  String scenarioId;

  @Column(name = "scenario_name", length = 256)
  String scenarioName;

  @Column(name = "scenario_version", length = 64)
  String scenarioVersion;

  @Column(name = "scenario_source", length = 256)
  String scenarioSource;

  @Column(name = "target_id", length = 64)
  String targetId;

  @Column(name = "target_name", length = 256)
  String targetName;

  @Column(name = "target_kind", length = 32)
  String targetKind;

  @Column(name = "target_dsn", length = 2048)
  String targetDsn;

  @Column(name = "seed", nullable = false)
  long seed;

  @Column(name = "as_of", length = 64)
  String asOf;

  @Column(name = "config_hash", length = 64)
  String configHash;

  @Column(name = "table_mode", length = 32)
  String mode;

  @Column(name = "parallelism")
  int parallelism;

  @Column(name = "batch_size")
  int batchSize;

  @Lob
  @Column(name = "overrides_json")
  String overridesJson;

  @Lob
  @Column(name = "scenario_document")
  String scenarioDocument;

  @Lob
  @Column(name = "target_spec_json")
  String targetSpecJson;

  @Column(name = "trace_id", length = 64)
  String traceId;

  @Column(name = "created_by", length = 128)
  String createdBy;

  @Column(name = "rerun_of", length = 40)
  String rerunOf;

  @Column(name = "created_at")
  Instant createdAt;

  @Column(name = "started_at")
  Instant startedAt;

  @Column(name = "finished_at")
  Instant finishedAt;

  @Lob
  @Column(name = "error_message")
  String error;

  @OneToMany(mappedBy = "run", cascade = CascadeType.ALL, orphanRemoval = true)
  @OrderBy("position ASC")
  List<EntityProgressEntity> entities = new ArrayList<>();

  public String getId() {
    return id;
  }
}
