package dev.syngen.server.infrastructure.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The Jakarta Batch job a big run executes as: its job instance and latest execution. */
@Entity
@Table(name = "SYNGEN_BATCH_JOB")
public class BatchJobEntity {
  @Id
  @Column(name = "run_id", length = 40)
  String runId;

  @Column(name = "job_instance", nullable = false)
  long instanceId;

  @Column(name = "job_execution", nullable = false)
  long executionId;
}
