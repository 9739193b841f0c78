#!/usr/bin/env bash
# Times one 3-level batch run into PostgreSQL on one standalone server and on a local cluster of one
# dispatcher and N executors (docs/benchmarks.md, "Scale-out"). Each member is a copy of a server
# this build created, as for start-local.sh; the history and the target are schemas of the local
# PostgreSQL (SYNGEN_DB_*), dropped at the end.
# Usage: liberty/cluster/bench-scale-out.sh [rows] [chunk rows] [executors] [which]
#   rows       all three levels together: 10 % customers, 30 % orders, 60 % items [5000000]
#   chunk rows syngen.batch.checkpoint-rows; partitions hold 4 chunks [100000]
#   executors  of the cluster [2]
#   which      standalone, cluster or both [both]
# Runs SYNGEN_BENCH_RUNS times (default 2) on each: the first run after start pays the servers'
# warm-up, so each cluster run is compared with the standalone server's run of the same number.
# Prints one line per run: servers, rows, chunk rows, seconds (run record's started_at to
# finished_at), rows/s, redispatched chunks, the 1-minute load average before and after; then where
# each run's CPU went: CPU-seconds of each member's JVM and of the whole machine (the rest is
# PostgreSQL and anything else running), from /proc, from the request to the run's end; then per
# chunk the dispatcher's round trip and each executor's queue wait and write time (count, mean ms).
# Environment as for start-local.sh (SYNGEN_WLP_DIR, SYNGEN_CLUSTER_TEMPLATE, SYNGEN_DB_*), and
# SYNGEN_BENCH_JFR: a directory where each run's Java Flight Recording of each member is written
# (<run>-<member>.jfr, JFR's profile settings; read with `jfr print --events jdk.ExecutionSample`);
# SYNGEN_BENCH_THREADS=on: after each CPU line, each member's CPU-seconds by kind of thread (JIT
# compiler, garbage collector, application threads…, from /proc/<pid>/task), and the classes it
# loaded, the methods it compiled and the compiled methods it threw away during the run (jcmd).
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
rows=${1:-5000000}
chunk=${2:-100000}
executors=${3:-2}
which=${4:-both}
runs=${SYNGEN_BENCH_RUNS:-2}
wlp=${SYNGEN_WLP_DIR:-$root/src/server/target/liberty/wlp}
template=${SYNGEN_CLUSTER_TEMPLATE:-syngenServer}
db_host=${SYNGEN_DB_HOST:-127.0.0.1} db_port=${SYNGEN_DB_PORT:-5432} db_name=${SYNGEN_DB_NAME:-test}
db_user=${SYNGEN_DB_USER:-postgres}
tag=bench_$$
admin=bench-admin-$RANDOM$RANDOM

if ! [[ $rows =~ ^[0-9]+$ && $chunk =~ ^[0-9]+$ && $executors =~ ^[1-9][0-9]?$ ]] || [ "$rows" -lt 100 ] || [ "$chunk" -lt 1 ]; then
  echo "bench-scale-out.sh: rows, chunk rows and executors must be positive numbers (rows at least 100); fix: e.g. bench-scale-out.sh 5000000 100000 2" >&2
  exit 2
fi
if ! [[ $runs =~ ^[1-9]$ ]]; then
  echo "bench-scale-out.sh: SYNGEN_BENCH_RUNS is '$runs', but must be 1 to 9; fix: e.g. SYNGEN_BENCH_RUNS=3" >&2
  exit 2
fi
case $which in standalone | cluster | both) ;; *)
  echo "bench-scale-out.sh: which is '$which', but must be standalone, cluster or both" >&2
  exit 2
  ;;
esac

sql() { PGOPTIONS='-c client_min_messages=warning' PGPASSWORD=${SYNGEN_DB_PASSWORD:-} psql -h "$db_host" -p "$db_port" -U "$db_user" -d "$db_name" -qAtc "$1"; }
load() { cut -d' ' -f1 /proc/loadavg; }
# ", second run", ", third run"… for the run number $1 (nothing for the first)
nth() { case $1 in 1) ;; 2) echo ", second run" ;; 3) echo ", third run" ;; *) echo ", run $1" ;; esac; }
hz=$(getconf CLK_TCK)
# A member's JVM pid, which Liberty's server script records.
member_pid() { cat "$wlp/usr/servers/.pid/$1.pid"; }
# CPU clock ticks so far: of a member's JVM, of the whole machine
member_ticks() { awk '{print $14 + $15}' "/proc/$(member_pid "$1")/stat"; }
# CPU clock ticks of a member's threads, summed by thread name without its number: "name ticks" lines
thread_ticks() {
  local f
  for f in /proc/"$(member_pid "$1")"/task/*/stat; do cat "$f" 2>/dev/null || true; done |
    sed -E 's/^[0-9]+ \((.*)\) (.*)$/\1\t\2/' |
    awk -F'\t' '{ split($2, v, " "); n = $1; sub(/[#-]?[0-9]+$/, "", n); t[n] += v[12] + v[13] }
      END { for (n in t) print n "\t" t[n] }'
}
# HotSpot's counters of a member: "loaded-classes compiles invalidated-compiles"
jit_counters() {
  jcmd "$(member_pid "$1")" PerfCounter.print 2>/dev/null | awk -F= '
    $1 == "java.cls.loadedClasses" { c = $2 } $1 == "sun.ci.totalCompiles" { n = $2 }
    $1 == "sun.ci.totalInvalidates" { i = $2 } END { print c + 0, n + 0, i + 0 }'
}
machine_ticks() { awk '/^cpu /{print $2 + $3 + $4 + $7 + $8 + $9}' /proc/stat; }

customers=$((rows / 10)) orders=$((rows * 3 / 10))
items=$((rows - customers - orders))
scenario='{"id":"bench-scale-out","name":"bench-scale-out","seed":29,"as_of":"2026-01-01T00:00:00Z","entities":[
{"name":"customers","rows":'$customers',"columns":[{"name":"id","type":"bigint","generator":{"type":"sequence"}},
 {"name":"full_name","type":"string","generator":{"type":"faker_name"}}]},
{"name":"orders","rows":'$orders',"columns":[{"name":"id","type":"bigint","generator":{"type":"sequence"}},
 {"name":"customer_id","type":"bigint","generator":{"type":"fk","params":{"entity":"customers","column":"id"}}}]},
{"name":"items","rows":'$items',"columns":[{"name":"id","type":"bigint","generator":{"type":"sequence"}},
 {"name":"order_id","type":"bigint","generator":{"type":"fk","params":{"entity":"orders","column":"id"}}},
 {"name":"amount","type":"double","generator":{"type":"uniform_float","params":{"min":1,"max":500}}}]}]}'

export SYNGEN_ADMIN_PASSWORD=$admin SYNGEN_JMS_PASSWORD=bench-jms-$RANDOM$RANDOM
export SYNGEN_BATCH_THRESHOLD_ROWS=10000 SYNGEN_BATCH_CHECKPOINT_ROWS=$chunk
export SYNGEN_BATCH_PARTITION_ROWS=$((chunk * 4))
prefix=benchScaleOut standalone=benchScaleOutStandalone
export SYNGEN_CLUSTER_TEMPLATE=$template SYNGEN_WLP_DIR=$wlp SYNGEN_CLUSTER_PREFIX=$prefix

# Starts a run of the scenario into schema $2 on the server at $1 (label $3, history schema suffix
# $4); prints its line, then the CPU-seconds of the member servers named $5….
measure() {
  local url=$1 target=$2 servers=$3 before id body status m i machine0 machine1
  local members=("${@:5}") ticks0=() ticks1=() threads0=() jit0=() jit1=()
  before=$(load)
  if [ "${SYNGEN_BENCH_THREADS:-off}" = on ]; then
    for m in "${members[@]}"; do jit0+=("$(jit_counters "$m")"); done
  fi
  for m in "${members[@]}"; do
    ticks0+=("$(member_ticks "$m")")
    threads0+=("$(thread_ticks "$m")")
    [ -z "${SYNGEN_BENCH_JFR:-}" ] ||
      jcmd "$(member_pid "$m")" JFR.start name=bench settings=profile \
        filename="$SYNGEN_BENCH_JFR/$target-$m.jfr" > /dev/null
  done
  machine0=$(machine_ticks)
  sql "CREATE SCHEMA IF NOT EXISTS $target"
  id=$(curl -fs -u "admin:$admin" -H 'Content-Type: application/json' "$url/api/v1/runs" -d '{"scenario":'"$scenario"',"parallelism":4,"target":{"kind":"postgres","dsn":"postgresql://'"$db_user"'@'"$db_host"':'"$db_port"'/'"$db_name"'","schema":"'"$target"'"}}' |
    grep -o '"id":"[^"]*"' | head -1 | cut -d'"' -f4)
  local deadline=$((SECONDS + 3600))
  while [ $SECONDS -lt $deadline ]; do
    body=$(curl -fs -u "admin:$admin" "$url/api/v1/runs/$id")
    status=$(grep -o '"status":"[^"]*"' <<< "$body" | head -1 | cut -d'"' -f4)
    case $status in success | failed | cancelled) break ;; esac
    sleep 1
  done
  machine1=$(machine_ticks)
  for m in "${members[@]}"; do
    ticks1+=("$(member_ticks "$m")")
    [ -z "${SYNGEN_BENCH_JFR:-}" ] || jcmd "$(member_pid "$m")" JFR.stop name=bench > /dev/null
  done
  if [ "${SYNGEN_BENCH_THREADS:-off}" = on ]; then
    for m in "${members[@]}"; do jit1+=("$(jit_counters "$m")"); done
  fi
  sql "SELECT '$servers', $rows, $chunk, round(extract(epoch FROM (finished_at - started_at))::numeric, 1),
         round($rows / extract(epoch FROM (finished_at - started_at)))::bigint, '$status',
         coalesce((SELECT sum(redispatched_chunks) FROM ${tag}_$4.syngen_batch_partition WHERE run_id = '$id'), 0),
         '$before', '$(load)'
       FROM (SELECT to_timestamp(started_at / 1000.0) AS started_at, to_timestamp(finished_at / 1000.0) AS finished_at
             FROM ${tag}_$4.syngen_run WHERE id = '$id') t" | tr '|' '\t'
  for i in "${!members[@]}"; do echo "${members[$i]#"$prefix"} $((ticks1[i] - ticks0[i]))"; done |
    awk -v all=$((machine1 - machine0)) -v hz="$hz" '
      { line = line sprintf("\t%s %.1f", $1, $2 / hz); sum += $2 }
      END { printf "cpu-s%s\trest (PostgreSQL, other) %.1f\tmachine %.1f\n", line, (all - sum) / hz, all / hz }'
  if [ "${SYNGEN_BENCH_THREADS:-off}" = on ]; then
    for i in "${!members[@]}"; do
      { echo "${threads0[$i]}" | sed 's/^/-\t/'; thread_ticks "${members[$i]}" | sed 's/^/+\t/'; } |
        awk -F'\t' -v m="${members[$i]#"$prefix"}" -v hz="$hz" '
          { t[$2] += ($1 == "+" ? $3 : -$3) }
          END { printf "  %s threads:", m; for (n in t) if (t[n] >= hz / 10) printf "  %s %.1f", n, t[n] / hz; print "" }'
      echo "${jit0[$i]} ${jit1[$i]}" | awk -v m="${members[$i]#"$prefix"}" '
        { printf "  %s during the run: %d classes loaded, %d methods compiled, %d compiled methods invalidated\n", m, $4 - $1, $5 - $2, $6 - $3 }'
    done
  fi
}

# Prints a timer's count and mean in ms from a member's /metrics: label, HTTP port, series name.
timer() {
  curl -fs "http://localhost:$2/metrics?scope=application" | awk -v l="$1" -v n="$3" '
    index($0, n "_count{") == 1 { c = $NF } index($0, n "_sum{") == 1 { s = $NF }
    END { printf "%s\t%d\t%.1f\n", l, c, (c > 0 ? 1000 * s / c : 0) }'
}

cleanup() {
  [ -d "$wlp/usr/servers/$standalone" ] && "$wlp/bin/server" stop "$standalone" > /dev/null 2>&1 || true
  bash "$root/liberty/cluster/stop-local.sh" > /dev/null 2>&1 || true
  for s in $(sql "SELECT nspname FROM pg_namespace WHERE nspname LIKE '${tag}_%'"); do sql "DROP SCHEMA $s CASCADE"; done
}
trap cleanup EXIT

echo -e "servers\trows\tchunk_rows\tseconds\trows_per_s\tstatus\tredispatched\tload_before\tload_after"
if [ "$which" != cluster ]; then
  sql "CREATE SCHEMA ${tag}_standalone_history"
  dir=$wlp/usr/servers/$standalone
  rm -rf "$dir" && mkdir -p "$dir"
  (cd "$wlp/usr/servers/$template" && tar --exclude=./logs --exclude=./workarea --exclude=./data \
    --exclude=./messaging --exclude=./tranlog --exclude=./resources/security -cf - .) | (cd "$dir" && tar -xf -)
  env HTTP_PORT=9480 HTTPS_PORT=9481 SYNGEN_ROLE=standalone SYNGEN_DB_KIND=postgres \
    SYNGEN_DB_HOST="$db_host" SYNGEN_DB_PORT="$db_port" SYNGEN_DB_NAME="$db_name" SYNGEN_DB_USER="$db_user" \
    SYNGEN_DB_SCHEMA="${tag}_standalone_history" "$wlp/bin/server" start "$standalone" > /dev/null
  until curl -fs -o /dev/null http://localhost:9480/health/ready; do sleep 2; done
  # warm against warm as well as cold against cold: each cluster run is set beside the same one here
  for ((n = 1; n <= runs; n++)); do
    measure http://localhost:9480 "${tag}_s$n" "1 standalone$(nth $n)" standalone_history "$standalone"
  done
  "$wlp/bin/server" stop "$standalone" > /dev/null
fi
if [ "$which" != standalone ]; then
  sql "CREATE SCHEMA ${tag}_cluster_history"
  SYNGEN_DB_SCHEMA="${tag}_cluster_history" bash "$root/liberty/cluster/start-local.sh" "$executors" > /dev/null
  members=("${prefix}Dispatcher")
  for ((i = 1; i <= executors; i++)); do members+=("${prefix}Executor$i"); done
  for ((n = 1; n <= runs; n++)); do
    measure http://localhost:9180 "${tag}_c$n" "1 dispatcher + $executors executors$(nth $n)" cluster_history "${members[@]}"
  done
  # per chunk over all cluster runs, from the members' timers: the round trip less the write is
  # what dispatching costs a chunk; the queue wait is counted once per order (a partition's rest)
  echo -e "\nper chunk (all cluster runs)\tcount\tmean_ms"
  timer "dispatcher round trip" 9180 syngen_cluster_chunk_round_trip_seconds
  for ((i = 1; i <= executors; i++)); do
    timer "executor $i queued" $((9180 + 100 * i)) syngen_cluster_chunk_queued_seconds
    timer "executor $i write" $((9180 + 100 * i)) syngen_cluster_chunk_write_seconds
  done
fi
