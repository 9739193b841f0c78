#!/usr/bin/env bash
# The same plan as a run started over REST on a running server and as `syngen run start`: the
# entity's rows/s from each one's run record, alternating, every round printed (docs/benchmarks.md).
# A plan above the server's syngen.batch.threshold-rows (1,000,000) runs as a Jakarta Batch job.
#
#   ./mvnw -q package -DskipTests -DskipITs     # bin/syngen's jar and archive
#   SYNGEN_ADMIN_PASSWORD=… ./mvnw liberty:run   # in another terminal
#   SYNGEN_URL=http://localhost:9080 SYNGEN_ADMIN_PASSWORD=… src/bench/scripts/server-vs-cli.sh [ROWS …]
#
# Environment: ROUNDS (3), SYNGEN (bin/syngen). ROWS default: 1000000 4000000. The server writes
# CSV under its out/bench-server directory; the command line under a temporary directory.
set -euo pipefail
cd "$(dirname "$0")/../../.."
URL=${SYNGEN_URL:-http://localhost:9080}
PW=${SYNGEN_ADMIN_PASSWORD:?set SYNGEN_ADMIN_PASSWORD}
SYNGEN=${SYNGEN:-bin/syngen}
ROUNDS=${ROUNDS:-3}
SCENARIO=src/bench/src/main/resources/dev/syngen/bench/bench-scenario.yaml
[ $# -gt 0 ] || set -- 1000000 4000000
work=$(mktemp -d /tmp/syngen-server-vs-cli.XXXXXX)
trap 'rm -rf "$work"' EXIT

load() { cut -d' ' -f1 /proc/loadavg; }
# "status rows/s" of a run record: the server's names its rate, the command line's its rows and time
rate() {
  python3 -c 'import json,sys
r = json.load(sys.stdin); e = r["entities"][0]
ms = e.get("duration_ms", e.get("duration_millis"))
print(r["status"].lower(), int(e.get("rows_per_second") or e["rows_written"] * 1000 / max(ms, 1)))'
}

cli() { # rows → "status rows/s"
  rm -rf "$work/runs"
  $SYNGEN run start --scenario "$SCENARIO" --entity-count "bench_rows=$1" --target-kind csv \
    --target "$work/cli" --mode truncate --quiet --history-dir "$work/runs" >/dev/null
  rate <"$(ls "$work"/runs/*.json | head -1)"
}

server() { # rows → "status rows/s"
  local body id status
  body=$(python3 -c 'import json,sys; print(json.dumps({"scenario": open(sys.argv[1]).read(),
    "target": {"kind": "csv", "dsn": "out/bench-server"}, "mode": "truncate",
    "entity_counts": {"bench_rows": int(sys.argv[2])}}))' "$SCENARIO" "$1")
  id=$(curl -sf -u "admin:$PW" -H 'Content-Type: application/json' -d "$body" "$URL/api/v1/runs" |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
  for _ in $(seq 1 600); do
    status=$(curl -sf -u "admin:$PW" "$URL/api/v1/runs/$id" | python3 -c 'import json,sys; print(json.load(sys.stdin)["status"])')
    case $status in success|failed|cancelled) break ;; esac
    sleep 0.5
  done
  curl -sf -u "admin:$PW" "$URL/api/v1/runs/$id" | rate
}

echo "# $(date -u +%FT%TZ) $(nproc) cores, server $URL, command line: $SYNGEN, $ROUNDS rounds (rows/s)"
for rows in "$@"; do
  c=() s=()
  l0=$(load)
  for ((i = 0; i < ROUNDS; i++)); do
    c+=("$(cli "$rows")")
    s+=("$(server "$rows")")
  done
  printf '%9d rows  command line: %s  server: %s  load %s -> %s\n' \
    "$rows" "$(printf '%s; ' "${c[@]}")" "$(printf '%s; ' "${s[@]}")" "$l0" "$(load)"
done
