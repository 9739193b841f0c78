-- V7: the run history's list order (newest first, ties by id) served by an index, so a page of the
-- runs list or the dashboard reads its rows in order instead of sorting the whole run table
-- (docs/benchmarks.md, "At scale: 10,000 runs and 200 targets").
CREATE INDEX SYNGEN_RUN_LIST_ORDER ON SYNGEN_RUN (created_at DESC, id DESC);
