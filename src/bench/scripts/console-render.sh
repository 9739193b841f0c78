#!/usr/bin/env bash
# The console's first render in a real browser: signs in with headless Chromium (through the system
# chromedriver's WebDriver protocol) and opens each page ROUNDS times, reading the browser's own
# Navigation Timing and Paint Timing: first contentful paint, DOM content loaded and load, from the
# start of the navigation (p50 and max in ms). Run it against a server whose history holds the runs
# to measure with (console-scale.sh fills one).
#   SYNGEN_URL=http://localhost:9080 SYNGEN_ADMIN_PASSWORD=… src/bench/scripts/console-render.sh [ROUNDS]
set -euo pipefail
ROUNDS=${1:-10}
URL=${SYNGEN_URL:-http://localhost:9080}
PW=${SYNGEN_ADMIN_PASSWORD:?set SYNGEN_ADMIN_PASSWORD}
PORT=${CHROMEDRIVER_PORT:-9515}
WD=http://127.0.0.1:$PORT
chromedriver --port="$PORT" >/dev/null 2>&1 &
driver=$!
trap 'curl -s -X DELETE "$WD/session/${session:-none}" >/dev/null || true; kill $driver 2>/dev/null || true' EXIT
for _ in $(seq 1 50); do curl -s "$WD/status" | grep -q '"ready":true' && break; sleep 0.2; done

post() { curl -s -H 'Content-Type: application/json' -X POST "$WD$1" -d "$2"; }
session=$(post /session '{"capabilities":{"alwaysMatch":{"goog:chromeOptions":{"binary":"/usr/bin/chromium",
  "args":["--headless","--no-sandbox","--disable-gpu","--window-size=1400,900"]}}}}' |
  grep -o '"sessionId":"[^"]*"' | cut -d'"' -f4)
S=/session/$session
go() { post "$S/url" "{\"url\":\"$URL/console/$1\"}" >/dev/null; }
element() {
  post "$S/element" "{\"using\":\"css selector\",\"value\":\"$1\"}" |
    grep -o '"element-6066-11e4-a52e-4f735466cecf":"[^"]*"' | cut -d'"' -f4
}
script() { post "$S/execute/sync" "{\"script\":\"$1\",\"args\":[]}" | sed 's/.*"value":\(.*\)}/\1/'; }

go login.xhtml
post "$S/element/$(element '#login\\:user')/value" '{"text":"admin"}' >/dev/null
post "$S/element/$(element '#login\\:password')/value" "{\"text\":\"$PW\"}" >/dev/null
post "$S/element/$(element '#login\\:submit')/click" '{}' >/dev/null
sleep 1
[ -n "$(element '#whoami')" ] || { echo "could not sign in at $URL" >&2; exit 1; }

run=$(curl -s -u "admin:$PW" "$URL/api/v1/runs?limit=1" | grep -o '"id":"[^"]*"' | head -1 | cut -d'"' -f4)
# fcp, domContentLoaded and load of the last navigation, in ms from its start
timing="var n = performance.getEntriesByType('navigation')[0];
  var p = performance.getEntriesByName('first-contentful-paint')[0];
  return [p ? Math.round(p.startTime) : -1, Math.round(n.domContentLoadedEventEnd), Math.round(n.loadEventEnd)].join(' ');"
timing=$(tr '\n' ' ' <<<"$timing")
printf '%-36s %22s %22s %22s\n' page 'first paint p50/max' 'DOM ready p50/max' 'load p50/max'
for page in index.xhtml runs.xhtml "run.xhtml?id=$run" new-run.xhtml targets.xhtml scenarios.xhtml \
  "scenario-editor.xhtml?id=iot-demo" audit.xhtml; do
  go "$page" # warm-up
  rows=()
  for _ in $(seq 1 "$ROUNDS"); do
    go "$page"
    for _ in $(seq 1 50); do
      t=$(script "$timing" | tr -d '"')
      [[ $t =~ ^[0-9]+\ [0-9]+\ [1-9][0-9]*$ ]] && break
      sleep 0.1
    done
    rows+=("$t")
  done
  printf '%s\n' "${rows[@]}" | awk -v page="$page" '
    { f[NR] = $1; d[NR] = $2; l[NR] = $3 }
    function p50(a, n,   s, i) { for (i = 1; i <= n; i++) s[i] = a[i]; asort(s); return s[int((n + 1) / 2)] }
    function mx(a, n,   m, i) { m = a[1]; for (i = 2; i <= n; i++) if (a[i] > m) m = a[i]; return m }
    END { printf "%-36s %15d / %4d %15d / %4d %15d / %4d\n", page, p50(f, NR), mx(f, NR),
          p50(d, NR), mx(d, NR), p50(l, NR), mx(l, NR) }'
done
