-- V2: which server wrote a batch partition's last chunk, and why a chunk an executor server took
-- failed there (docs/scale-out.md).
ALTER TABLE SYNGEN_BATCH_PARTITION ADD COLUMN server_name VARCHAR(256);
ALTER TABLE SYNGEN_BATCH_PARTITION ADD COLUMN error_message VARCHAR(4000);
