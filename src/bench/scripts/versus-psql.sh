#!/usr/bin/env bash
# syngen generating rows straight into PostgreSQL (binary COPY) against psql loading the same rows
# from a CSV file that is already written (`\copy … FROM file CSV`): both timed as whole processes,
# alternating, best of N rounds (docs/benchmarks.md). The CSV is syngen's own output of the same
# scenario, written once before the rounds and not timed; psql gets the work of generating it free.
#
#   ./mvnw -q package -DskipTests -DskipITs
#   src/bench/scripts/versus-psql.sh [rows]          # rows of the 8-column numeric row, 4000000
#
# Environment: ROUNDS (3), SYNGEN (bin/syngen), PGHOST (127.0.0.1), PGPORT (5432), PGUSER
# (postgres), PGDATABASE (test), PGPASSWORD; the schema syngen_vs_psql is made and dropped.
set -euo pipefail
cd "$(dirname "$0")/../../.."
rows=${1:-4000000}
if ! [[ $rows =~ ^[1-9][0-9]*$ ]]; then
  echo "versus-psql.sh: rows is '$rows', but must be a positive number; fix: e.g. versus-psql.sh 4000000" >&2
  exit 2
fi
SYNGEN=${SYNGEN:-bin/syngen}
ROUNDS=${ROUNDS:-3}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
export PGDATABASE=${PGDATABASE:-test}
scenario=src/bench/src/main/resources/dev/syngen/bench/bench-scenario.yaml
schema=syngen_vs_psql
work=$(mktemp -d /tmp/syngen-versus-psql.XXXXXX)
trap 'rm -rf "$work"; psql -qc "DROP SCHEMA IF EXISTS $schema CASCADE" >/dev/null 2>&1 || true' EXIT

cat >"$work/pg.yaml" <<EOF
id: versus-psql
kind: postgres
dsn: postgres://\${PGUSER}:\${PGPASSWORD:-}@\${PGHOST}:\${PGPORT}/\${PGDATABASE}?sslmode=disable
schema: $schema
EOF

millis() { # WALL/CPU ms of one run of the command; its output is discarded
  /usr/bin/time -o "$work/time" -f '%e %U %S' "$@" >/dev/null 2>&1
  awk '{printf "%d/%d", $1 * 1000, ($2 + $3) * 1000}' "$work/time"
}
min() { printf '%s\n' "$@" | sort -t/ -k1,1n | head -1; }
load() { cut -d' ' -f1 /proc/loadavg; }

# The two commands timed, as scripts of their own (time runs a process, not a shell function).
cat >"$work/syngen.sh" <<EOF
exec $SYNGEN run start --scenario $scenario --entity-count bench_rows=\$1 --target $work/pg.yaml \
  --mode truncate --quiet --history-dir $work/runs
EOF
cat >"$work/psql.sh" <<EOF
exec psql -v ON_ERROR_STOP=1 -qc "TRUNCATE $schema.bench_rows" \
  -c "\\\\copy $schema.bench_rows FROM '$work/csv/bench_rows.csv' WITH (FORMAT csv, HEADER true)"
EOF

# The table as syngen creates it, and the ready CSV of the same rows.
bash "$work/syngen.sh" 1 >/dev/null
$SYNGEN run start --scenario "$scenario" --entity-count "bench_rows=$rows" --target-kind csv \
  --target "$work/csv" --mode truncate --quiet --history-dir "$work/runs" >/dev/null

s=() p=() l0=$(load)
for ((i = 0; i < ROUNDS; i++)); do
  s+=("$(millis bash "$work/syngen.sh" "$rows")")
  [ "$(psql -Atc "SELECT count(*) FROM $schema.bench_rows")" = "$rows" ] ||
    { echo "versus-psql.sh: syngen's table does not hold $rows rows" >&2; exit 1; }
  p+=("$(millis bash "$work/psql.sh")")
  [ "$(psql -Atc "SELECT count(*) FROM $schema.bench_rows")" = "$rows" ] ||
    { echo "versus-psql.sh: psql's table does not hold $rows rows" >&2; exit 1; }
done
bs=$(min "${s[@]}") bp=$(min "${p[@]}")
echo "# $(date -u +%FT%TZ) $(nproc) cores, PostgreSQL $(psql -Atc 'SHOW server_version'), best of $ROUNDS (wall/CPU ms of the client process)"
printf 'postgres %9d rows  syngen %s ms (%s)  psql \\copy of the ready CSV %s ms (%s)  psql/syngen %.2fx  load %s -> %s\n' \
  "$rows" "$bs" "${s[*]}" "$bp" "${p[*]}" "$(echo "scale=4; ${bp%/*} / ${bs%/*}" | bc)" "$l0" "$(load)"
