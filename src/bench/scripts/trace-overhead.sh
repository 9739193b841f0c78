#!/usr/bin/env bash
# Measures what tracing costs a run: the same 1,000,000-row run (iot-demo into a CSV target) on a
# server of this build with tracing off (OTEL_SDK_DISABLED=true, the default) and on (spans exported
# by OTLP/HTTP to a local sink that accepts and drops them), REPEATS times each after a warm-up.
#   ./mvnw -B verify -pl src/core,src/io,src/cli,src/bench,src/server -Dtest=NONE \
#     -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=TracingIT   # creates syngenServerTraceIT
#   src/bench/scripts/trace-overhead.sh [REPEATS]      # from the project's root
# Prints each run's duration (finished_at - started_at) and the medians. The run stays on the
# managed executor (the batch threshold is raised), where run, entity and write spans are made.
set -euo pipefail
REPEATS=${1:-3}
WLP=${WLP:-src/server/target/liberty/wlp}
SERVER=${SERVER:-syngenServerTraceIT}
PW=bench-$RANDOM$RANDOM
free() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
HTTP=$(free); HTTPS=$(free); OTLP=$(free)
URL=http://localhost:$HTTP

python3 -c "
import http.server
class H(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        self.rfile.read(int(self.headers.get('Content-Length', 0)))
        self.send_response(200); self.send_header('Content-Length', '0'); self.end_headers()
    def log_message(self, *a): pass
http.server.ThreadingHTTPServer(('127.0.0.1', $OTLP), H).serve_forever()
" &
SINK=$!
trap 'kill $SINK 2>/dev/null; "$WLP/bin/server" stop "$SERVER" >/dev/null 2>&1 || true' EXIT

run_once() {
  local id
  id=$(curl -s -u "admin:$PW" -H 'Content-Type: application/json' -X POST "$URL/api/v1/runs" \
    -d '{"scenario_id":"iot-demo","target_id":"bench-trace","entity_counts":{"sites":50,"devices":2000,"telemetry":997950}}' \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
  while :; do
    r=$(curl -s -u "admin:$PW" "$URL/api/v1/runs/$id")
    s=$(printf '%s' "$r" | python3 -c 'import json,sys; print(json.load(sys.stdin)["status"])')
    case $s in success) break ;; failed|cancelled) echo "run $id $s: $r" >&2; exit 1 ;; esac
    sleep 0.5
  done
  rm -rf out/bench-trace
  printf '%s' "$r" | python3 -c '
import json,sys
from datetime import datetime
r=json.load(sys.stdin)
t=lambda v: datetime.fromisoformat(v.replace("Z","+00:00"))
print(int((t(r["finished_at"])-t(r["started_at"])).total_seconds()*1000), sum(e["rows_written"] for e in r["entities"]))'
}

for mode in off on; do
  disabled=$([ $mode = on ] && echo false || echo true)
  HTTP_PORT=$HTTP HTTPS_PORT=$HTTPS SYNGEN_ADMIN_PASSWORD=$PW SYNGEN_VIEWER_PASSWORD=$PW-v \
  SYNGEN_BATCH_THRESHOLD_ROWS=100000000 OTEL_SDK_DISABLED=$disabled \
  OTEL_EXPORTER_OTLP_ENDPOINT=http://127.0.0.1:$OTLP OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf \
    "$WLP/bin/server" start "$SERVER" >/dev/null
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "$URL/health/ready")" = 200 ]; do sleep 1; done
  curl -s -o /dev/null -u "admin:$PW" -H 'Content-Type: application/json' -X POST "$URL/api/v1/targets" \
    -d '{"id":"bench-trace","kind":"csv","dsn":"out/bench-trace"}' || true
  run_once >/dev/null
  for i in $(seq 1 "$REPEATS"); do echo "$mode $(run_once)"; done
  "$WLP/bin/server" stop "$SERVER" >/dev/null
done | tee /dev/stderr | python3 -c '
import sys, statistics
ms = {}
for line in sys.stdin:
    mode, t, rows = line.split()
    ms.setdefault(mode, []).append(int(t))
off, on = statistics.median(ms["off"]), statistics.median(ms["on"])
print(f"median off {off:.0f} ms, on {on:.0f} ms: tracing costs {100*(on-off)/off:+.1f} %")'
