#!/usr/bin/env bash
# The console at scale: fills a server's history with RUNS tiny runs and TARGETS CSV targets, then
# times each console page (server time to the last byte, 20 requests a page: p50, p95, max).
#   SYNGEN_URL=http://localhost:9080 SYNGEN_ADMIN_PASSWORD=… src/bench/scripts/console-scale.sh [RUNS] [TARGETS]
# Point it at a server whose history you may fill (a fresh one): runs and targets it adds stay.
set -euo pipefail
RUNS=${1:-10000}
TARGETS=${2:-200}
URL=${SYNGEN_URL:-http://localhost:9080}
PW=${SYNGEN_ADMIN_PASSWORD:?set SYNGEN_ADMIN_PASSWORD}
JAR=$(mktemp)
trap 'rm -f "$JAR"' EXIT
export URL PW

echo "adding $TARGETS targets"
seq -f 'bench-scale-%03g' 1 "$TARGETS" | xargs -P 4 -I{} curl -s -o /dev/null -u "admin:$PW" \
  -H 'Content-Type: application/json' -X POST "$URL/api/v1/targets" \
  -d '{"id":"{}","kind":"csv","dsn":"out/bench-scale/{}"}'

echo "adding $RUNS runs"
start=$(date +%s)
body='{"scenario_id":"iot-demo","target_id":"bench-scale-001","entity_counts":{"sites":1,"devices":1,"telemetry":1}}'
post() {
  until [ "$(curl -s -o /dev/null -w '%{http_code}' -u "admin:$PW" -H 'Content-Type: application/json' \
    -X POST "$URL/api/v1/runs" -d "$1")" = 202 ]; do sleep 0.2; done
}
export -f post
seq 1 "$RUNS" | xargs -P 4 -I{} bash -c 'post "$0"' "$body"
echo "runs added in $(( $(date +%s) - start )) s"
sleep 5

page=$(curl -s -c "$JAR" -b "$JAR" "$URL/console/login.xhtml")
vs=$(printf '%s' "$page" | grep -o 'name="jakarta.faces.ViewState"[^>]*' | sed 's/.*value="\([^"]*\)".*/\1/')
# the console's PrimeFaces (CSP mode) refuses a postback without the page's nonce; a cookie-carrying
# POST must name this server as its origin
nonce=$(printf '%s' "$page" | grep -o 'nonce="[^"]*"' | head -1 | sed 's/nonce="\(.*\)"/\1/')
curl -s -o /dev/null -c "$JAR" -b "$JAR" -H "Origin: $URL" -X POST "$URL/console/login.xhtml" \
  --data-urlencode "primefaces.nonce=$nonce" --data-urlencode login_SUBMIT=1 --data-urlencode login:user=admin --data-urlencode "login:password=$PW" \
  --data-urlencode 'login:submit=Sign in' --data-urlencode "jakarta.faces.ViewState=$vs"

run=$(curl -s -u "admin:$PW" "$URL/api/v1/runs?limit=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["id"])')
for p in "index.xhtml" "runs.xhtml" "runs.xhtml?status=success" "runs.xhtml?target=bench-scale-001" \
         "run.xhtml?id=$run" "new-run.xhtml" "targets.xhtml" "scenarios.xhtml" \
         "scenario-editor.xhtml?id=iot-demo" "audit.xhtml"; do
  curl -s -o /dev/null -b "$JAR" "$URL/console/$p"   # warm-up
  for i in $(seq 1 20); do
    curl -s -o /dev/null -b "$JAR" -w '%{http_code} %{time_total}\n' "$URL/console/$p"
  done | python3 -c "
import sys
rows=[l.split() for l in sys.stdin if l.strip()]
bad=[r for r in rows if r[0]!='200']
t=sorted(float(r[1])*1000 for r in rows)
p95=t[min(len(t)-1, int(round(0.95*len(t)))-1)]
print(f'{\"$p\":40s} p50 {t[len(t)//2]:7.1f} ms  p95 {p95:7.1f} ms  max {t[-1]:7.1f} ms  non-200: {len(bad)}')
"
done
