-- V4: corpora (docs/corpora.md): the values as uploaded, how they are read, their hash and counts.
CREATE TABLE SYNGEN_CORPUS (
  name VARCHAR(64) NOT NULL,
  status VARCHAR(16) NOT NULL,
  sha256 VARCHAR(64) NOT NULL,
  file_format VARCHAR(8) NOT NULL,
  value_column VARCHAR(256),
  weights_column VARCHAR(256),
  allow_personal_data SMALLINT NOT NULL,
  value_count INTEGER NOT NULL,
  distinct_count INTEGER NOT NULL,
  byte_count BIGINT NOT NULL,
  file_name VARCHAR(256),
  content BLOB(64M),
  created_at BIGINT,
  created_by VARCHAR(128),
  PRIMARY KEY (name)
);
