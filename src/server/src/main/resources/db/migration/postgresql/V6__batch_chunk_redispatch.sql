-- V6: the server that last took a chunk of a batch partition from the partition queue, and how many
-- of its chunks the dispatcher sent again because no executor reported them written in time
-- (docs/scale-out.md).
ALTER TABLE SYNGEN_BATCH_PARTITION ADD COLUMN taken_by VARCHAR(256);
ALTER TABLE SYNGEN_BATCH_PARTITION ADD COLUMN redispatched_chunks INTEGER DEFAULT 0 NOT NULL;
