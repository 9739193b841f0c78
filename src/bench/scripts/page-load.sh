#!/usr/bin/env bash
# Measures how long the console's pages take to load with a run history of N runs.
#   SYNGEN_URL=http://localhost:9080 SYNGEN_ADMIN_PASSWORD=… src/bench/scripts/page-load.sh [N]
# Fills the history up to N runs (tiny runs of iot-demo into a CSV target under out/bench-console),
# signs in through the console's form, then times each page 20 times (server time to last byte).
set -euo pipefail
N=${1:-1000}
URL=${SYNGEN_URL:-http://localhost:9080}
PW=${SYNGEN_ADMIN_PASSWORD:?set SYNGEN_ADMIN_PASSWORD}
JAR=$(mktemp)
trap 'rm -f "$JAR"' EXIT

count() { curl -s -u "admin:$PW" "$URL/api/v1/runs?limit=1000" | python3 -c 'import json,sys; d=json.load(sys.stdin); print(len(d if isinstance(d,list) else d["runs"]))'; }

curl -s -o /dev/null -u "admin:$PW" -H 'Content-Type: application/json' -X POST "$URL/api/v1/targets" \
  -d '{"id":"bench-console","kind":"csv","dsn":"out/bench-console"}' || true
have=$(count)
echo "history holds $have runs; filling to $N"
body='{"scenario_id":"iot-demo","target_id":"bench-console","entity_counts":{"sites":1,"devices":1,"telemetry":1}}'
while [ "$have" -lt "$N" ]; do
  code=$(curl -s -o /dev/null -w '%{http_code}' -u "admin:$PW" -H 'Content-Type: application/json' \
    -X POST "$URL/api/v1/runs" -d "$body")
  if [ "$code" = 202 ]; then have=$((have + 1)); else sleep 0.2; fi
done
sleep 3

page=$(curl -s -c "$JAR" -b "$JAR" "$URL/console/login.xhtml")
vs=$(printf '%s' "$page" | grep -o 'name="jakarta.faces.ViewState"[^>]*' | sed 's/.*value="\([^"]*\)".*/\1/')
# the console's PrimeFaces (CSP mode) refuses a postback without the page's nonce; a cookie-carrying
# POST must name this server as its origin
nonce=$(printf '%s' "$page" | grep -o 'nonce="[^"]*"' | head -1 | sed 's/nonce="\(.*\)"/\1/')
curl -s -o /dev/null -c "$JAR" -b "$JAR" -H "Origin: $URL" -X POST "$URL/console/login.xhtml" \
  --data-urlencode "primefaces.nonce=$nonce" --data-urlencode login_SUBMIT=1 --data-urlencode login:user=admin --data-urlencode "login:password=$PW" \
  --data-urlencode 'login:submit=Sign in' --data-urlencode "jakarta.faces.ViewState=$vs"

run=$(curl -s -u "admin:$PW" "$URL/api/v1/runs?limit=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["id"])')
for p in "index.xhtml" "index.xhtml?page=40" "index.xhtml?status=success" "run.xhtml?id=$run" "audit.xhtml" "new-run.xhtml" "targets.xhtml" "scenarios.xhtml"; do
  times=()
  for i in $(seq 1 20); do
    times+=("$(curl -s -o /dev/null -b "$JAR" -w '%{http_code} %{time_total}' "$URL/console/$p")")
  done
  printf '%s\n' "${times[@]}" | python3 -c "
import sys
rows=[l.split() for l in sys.stdin if l.strip()]
bad=[r for r in rows if r[0]!='200']
t=sorted(float(r[1])*1000 for r in rows)
print(f'{\"$p\":28s} median {t[len(t)//2]:7.1f} ms  max {t[-1]:7.1f} ms  non-200: {len(bad)}')
"
done
