#!/usr/bin/env bash
# syngen against a hand-written peer, both timed as whole processes (JVM start-up included),
# alternating, best of N rounds, same rows and columns (docs/benchmarks.md).
#
#   ./mvnw -q package -DskipTests -DskipITs       # builds target/syngen-cli.jar and target/syngen-bench.jar
#   src/bench/scripts/versus-peer.sh [numeric|faker|startup|all]
#
# Environment: ROUNDS (3), NUMERIC_ROWS (4000000), FAKER_ROWS (1000000), JAVA (java),
# SYNGEN (the command that runs syngen; default "$JAVA -jar target/syngen-cli.jar", e.g. bin/syngen).
set -euo pipefail
cd "$(dirname "$0")/../../.."
JAVA=${JAVA:-java}
SYNGEN=${SYNGEN:-"$JAVA -jar target/syngen-cli.jar"}
PEER="$JAVA -cp target/syngen-bench.jar dev.syngen.bench.peer.HandWrittenPeer"
ROUNDS=${ROUNDS:-3}
NUMERIC_ROWS=${NUMERIC_ROWS:-4000000}
FAKER_ROWS=${FAKER_ROWS:-1000000}
NUMERIC_SCENARIO=src/bench/src/main/resources/dev/syngen/bench/bench-scenario.yaml
FAKER_SCENARIO=src/bench/scenarios/versus-faker.yaml
work=$(mktemp -d /tmp/syngen-versus.XXXXXX)
trap 'rm -rf "$work"' EXIT

load() { cut -d' ' -f1 /proc/loadavg; }

# Prints "WALL/CPU" milliseconds of one run of the command (CPU = user + system of the process and
# its threads, a figure other load on the machine distorts less); its output is discarded.
millis() {
  /usr/bin/time -o "$work/time" -f '%e %U %S' "$@" >/dev/null 2>&1
  awk '{printf "%d/%d", $1 * 1000, ($2 + $3) * 1000}' "$work/time"
}

# The best (lowest wall-clock) of "WALL/CPU" figures.
min() { printf '%s\n' "$@" | sort -t/ -k1,1n | head -1; }
wall() { echo "${1%/*}"; }

# syngen and the peer must have written the same number of lines and columns.
same_shape() {
  local a=$1 b=$2
  [[ $(wc -l <"$a") == $(wc -l <"$b") ]] || { echo "row counts differ: $a $b" >&2; exit 1; }
  [[ $(head -1 "$a" | tr -cd , | wc -c) == $(head -1 "$b" | tr -cd , | wc -c) ]] ||
    { echo "column counts differ: $a $b" >&2; exit 1; }
}

versus() { # name scenario entity rows peer-workload
  local name=$1 scenario=$2 entity=$3 rows=$4 workload=$5 s=() p=() l0 l1
  l0=$(load)
  for ((i = 0; i < ROUNDS; i++)); do
    s+=("$(millis $SYNGEN run start --scenario "$scenario" --entity-count "$entity=$rows" \
      --target-kind csv --target "$work/syngen" --mode truncate --quiet --history-dir "$work/runs")")
    p+=("$(millis $PEER "$workload" "$rows" "$work/peer.csv")")
  done
  l1=$(load)
  same_shape "$work/syngen/$entity.csv" "$work/peer.csv"
  local bs bp
  bs=$(min "${s[@]}")
  bp=$(min "${p[@]}")
  printf '%-8s %9d rows  syngen %s ms (%s)  peer %s ms (%s)  syngen/peer %.2fx  load %s -> %s\n' \
    "$name" "$rows" "$bs" "${s[*]}" "$bp" "${p[*]}" "$(echo "scale=4; $(wall "$bp") / $(wall "$bs")" | bc)" "$l0" "$l1"
}

startup() {
  local v=() r=() n=() l0 l1
  l0=$(load)
  for ((i = 0; i < ROUNDS; i++)); do
    v+=("$(millis $SYNGEN --version)")
    n+=("$(millis $SYNGEN run start --scenario "$NUMERIC_SCENARIO" --entity-count bench_rows=1000 \
      --target-kind csv --target "$work/small" --mode truncate --quiet --history-dir "$work/runs")")
    r+=("$(millis $SYNGEN run start --scenario "$FAKER_SCENARIO" --entity-count people=1000 \
      --target-kind csv --target "$work/small" --mode truncate --quiet --history-dir "$work/runs")")
  done
  l1=$(load)
  printf 'start-up  --version %s ms (%s)  1,000 numeric rows %s ms (%s)  1,000 faker rows %s ms (%s)  load %s -> %s\n' \
    "$(min "${v[@]}")" "${v[*]}" "$(min "${n[@]}")" "${n[*]}" "$(min "${r[@]}")" "${r[*]}" "$l0" "$l1"
}

what=${1:-all}
echo "# $(date -u +%FT%TZ) $(nproc) cores, $($JAVA -version 2>&1 | head -1), syngen: $SYNGEN, best of $ROUNDS (wall/CPU ms)"
case $what in
  numeric) versus numeric "$NUMERIC_SCENARIO" bench_rows "$NUMERIC_ROWS" numeric ;;
  faker) versus faker "$FAKER_SCENARIO" people "$FAKER_ROWS" faker ;;
  startup) startup ;;
  all)
    startup
    versus numeric "$NUMERIC_SCENARIO" bench_rows "$NUMERIC_ROWS" numeric
    versus faker "$FAKER_SCENARIO" people "$FAKER_ROWS" faker
    ;;
  *) echo "usage: $0 [numeric|faker|startup|all]" >&2; exit 2 ;;
esac
