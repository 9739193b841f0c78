package dev.syngen.server.infrastructure.persistence;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

/**
 * One remembered llm_text answer: the text, the model that answered and its token counts, by the
 * hash of what was asked. Never the prompt, the provider's URL or a key.
 */
@Entity
@Table(name = "SYNGEN_LLM_CACHE")
public class LlmAnswerEntity {
  @Id
  @Column(name = "cache_key", length = 64)
  String key;

  @Lob
  @Basic(fetch = FetchType.EAGER)
  @Column(name = "answer_text", nullable = false)
  String text;

  @Column(name = "model", length = 256)
  String model;

  @Column(name = "input_tokens", nullable = false)
  long inputTokens;

  @Column(name = "output_tokens", nullable = false)
  long outputTokens;

  @Column(name = "created_at", nullable = false)
  long createdAt;
}
