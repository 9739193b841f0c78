-- V8: the members of a cluster (docs/scale-out.md): each dispatcher and executor server records a
-- heartbeat every syngen.cluster.heartbeat-seconds with its chunk counts since it started, and the
-- rows and time of its previous heartbeat, so a reader computes rows/s without a second query. A
-- member is shown down when it has not been seen for three of its heartbeats. Names only, no secret.
CREATE TABLE SYNGEN_CLUSTER_MEMBER (
  server_name VARCHAR(256) NOT NULL,
  member_role VARCHAR(16) NOT NULL,
  started_at BIGINT NOT NULL,
  seen_at BIGINT NOT NULL,
  heartbeat_seconds INTEGER NOT NULL,
  chunks_running INTEGER NOT NULL,
  chunks_written BIGINT NOT NULL,
  rows_written BIGINT NOT NULL,
  previous_seen_at BIGINT NOT NULL,
  previous_rows_written BIGINT NOT NULL,
  PRIMARY KEY (server_name)
);
CREATE INDEX SYNGEN_CLUSTER_MEMBER_SEEN_AT ON SYNGEN_CLUSTER_MEMBER (seen_at DESC);
