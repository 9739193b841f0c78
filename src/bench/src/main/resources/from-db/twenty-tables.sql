-- The 20-table, 2.95-million-row PostgreSQL schema docs/benchmarks.md drafts from
-- (psql -d test -f twenty-tables.sql; about three minutes). Drop it with DROP SCHEMA fromdb_bench CASCADE.
DROP SCHEMA IF EXISTS fromdb_bench CASCADE;
CREATE SCHEMA fromdb_bench;
SET search_path = fromdb_bench;
SELECT setseed(0.42);
CREATE TABLE t00 (id bigint PRIMARY KEY, email varchar(120) NOT NULL UNIQUE, city varchar(40) NOT NULL, segment varchar(10) NOT NULL CHECK (segment IN ('a','b','c')), created_at timestamptz NOT NULL);
INSERT INTO t00 SELECT g, 'u' || g || '@x.example', (ARRAY['Lyon','Porto','Graz','Cork','Split'])[1 + g % 5], (ARRAY['a','b','c'])[1 + (g % 7) % 3], timestamptz '2024-01-01' + (g % 600) * interval '1 day' FROM generate_series(1, 100000) g;
DO $$
BEGIN
  FOR i IN 1..19 LOOP
    EXECUTE format('CREATE TABLE t%s (id bigint PRIMARY KEY, parent_id bigint NOT NULL REFERENCES t00 (id), amount numeric(12,2) NOT NULL CHECK (amount >= 0), kind varchar(10) NOT NULL, qty int NOT NULL CHECK (qty BETWEEN 1 AND 9), note text, created_at timestamptz NOT NULL)', lpad(i::text, 2, '0'));
    EXECUTE format('INSERT INTO t%s SELECT g, 1 + floor(100000 * power(random(), 2))::bigint, round((random() * 500)::numeric, 2), (ARRAY[''x'',''y'',''z''])[1 + floor(random() * 3)::int], 1 + floor(random() * 9)::int, CASE WHEN random() < 0.3 THEN NULL ELSE md5(g::text) || '' text'' END, timestamptz ''2024-01-01'' + random() * interval ''600 days'' FROM generate_series(1, 150000) g', lpad(i::text, 2, '0'));
  END LOOP;
END $$;
ANALYZE;
