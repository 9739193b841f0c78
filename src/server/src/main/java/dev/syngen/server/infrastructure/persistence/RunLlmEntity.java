package dev.syngen.server.infrastructure.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

/** A run's LLM usage (one row per run that has llm_text columns), as JSON. */
@Entity
@Table(name = "SYNGEN_RUN_LLM")
public class RunLlmEntity {
  @Id
  @Column(name = "run_id", length = 40)
  String runId;

  @Column(name = "llm_mode", length = 16, nullable = false)
  String mode;

  @Lob
  @Column(name = "usage_json")
  String usageJson;
}
