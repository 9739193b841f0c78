-- V5: the answers of llm_text requests (docs/llm.md), by the hash of what was asked, shared by
-- every server that uses this history database. Never a prompt, provider URL or key.
CREATE TABLE SYNGEN_LLM_CACHE (
  cache_key VARCHAR(64) NOT NULL,
  answer_text TEXT NOT NULL,
  model VARCHAR(256),
  input_tokens BIGINT NOT NULL,
  output_tokens BIGINT NOT NULL,
  created_at BIGINT NOT NULL,
  PRIMARY KEY (cache_key)
);
