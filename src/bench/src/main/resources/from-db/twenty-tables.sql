-- The 20-table PostgreSQL schema docs/benchmarks.md drafts from: one parent table and 19 child
-- tables. Default 100,000 parents and 150,000 rows per child table (2.95 million rows,
-- psql -d test -f twenty-tables.sql, under a minute to three); 10 million rows with
-- psql -d test -v parents=500000 -v children=500000 -f twenty-tables.sql.
-- Drop it with DROP SCHEMA fromdb_bench CASCADE.
\if :{?parents}
\else
\set parents 100000
\endif
\if :{?children}
\else
\set children 150000
\endif
DROP SCHEMA IF EXISTS fromdb_bench CASCADE;
CREATE SCHEMA fromdb_bench;
SET search_path = fromdb_bench;
SELECT setseed(0.42);
CREATE TABLE t00 (id bigint PRIMARY KEY, email varchar(120) NOT NULL UNIQUE, city varchar(40) NOT NULL, segment varchar(10) NOT NULL CHECK (segment IN ('a','b','c')), created_at timestamptz NOT NULL);
INSERT INTO t00 SELECT g, 'u' || g || '@x.example', (ARRAY['Lyon','Porto','Graz','Cork','Split'])[1 + g % 5], (ARRAY['a','b','c'])[1 + (g % 7) % 3], timestamptz '2024-01-01' + (g % 600) * interval '1 day' FROM generate_series(1, :parents) g;
SET fromdb.parents = :parents;
SET fromdb.children = :children;
DO $$
BEGIN
  FOR i IN 1..19 LOOP
    EXECUTE format('CREATE TABLE t%s (id bigint PRIMARY KEY, parent_id bigint NOT NULL REFERENCES t00 (id), amount numeric(12,2) NOT NULL CHECK (amount >= 0), kind varchar(10) NOT NULL, qty int NOT NULL CHECK (qty BETWEEN 1 AND 9), note text, created_at timestamptz NOT NULL)', lpad(i::text, 2, '0'));
    EXECUTE format('INSERT INTO t%s SELECT g, 1 + floor(%s * power(random(), 2))::bigint, round((random() * 500)::numeric, 2), (ARRAY[''x'',''y'',''z''])[1 + floor(random() * 3)::int], 1 + floor(random() * 9)::int, CASE WHEN random() < 0.3 THEN NULL ELSE md5(g::text) || '' text'' END, timestamptz ''2024-01-01'' + random() * interval ''600 days'' FROM generate_series(1, %s) g', lpad(i::text, 2, '0'), current_setting('fromdb.parents'), current_setting('fromdb.children'));
  END LOOP;
END $$;
ANALYZE;
