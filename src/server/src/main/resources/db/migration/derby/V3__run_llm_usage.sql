-- V2: the LLM usage of runs with llm_text columns (docs/llm.md).
CREATE TABLE SYNGEN_RUN_LLM (
  run_id VARCHAR(40) NOT NULL,
  llm_mode VARCHAR(16) NOT NULL,
  usage_json CLOB,
  PRIMARY KEY (run_id)
);
