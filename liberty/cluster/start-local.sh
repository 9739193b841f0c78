#!/usr/bin/env bash
# Starts a local syngen cluster: one dispatcher and N executor servers (docs/scale-out.md), each a
# copy of a server this build created, on ports of their own, sharing one PostgreSQL history
# database. Usage: liberty/cluster/start-local.sh [executors]   (default 2)
#        liberty/cluster/start-local.sh --join I   starts one more executor, <prefix>ExecutorI, on
#                                                  the I-th ports, and joins it to the running cluster
#        liberty/cluster/start-local.sh --dispatcher  starts the dispatcher again in its server
#                                                  directory (after it stopped or was killed; its
#                                                  runs then show interrupted, to restart)
#
# Each member's JVM pid is in $SYNGEN_WLP_DIR/usr/servers/.pid/<member>.pid (Liberty writes it).
#
# Environment (defaults in brackets):
#   SYNGEN_WLP_DIR            the Liberty of this build [src/server/target/liberty/wlp]; run
#                             ./mvnw liberty:run once (then Ctrl-C) to create it
#   SYNGEN_CLUSTER_TEMPLATE   the server copied for each member [syngenServer]
#   SYNGEN_CLUSTER_PREFIX     member names: <prefix>Dispatcher, <prefix>Executor1… [syngenCluster]
#   SYNGEN_CLUSTER_HTTP_PORTS comma-separated HTTP ports, dispatcher first [9180,9280,9380,…]
#   SYNGEN_CLUSTER_HTTPS_PORTS likewise for HTTPS [9181,9281,9381,…]
#   SYNGEN_JMS_PORT           the dispatcher's messaging port, which executors connect to [7276]
#   SYNGEN_JMS_USER           the user executors authenticate as to that engine [syngen-executor]
#   SYNGEN_JMS_PASSWORD       its password (required; the same for --join)
#   SYNGEN_CLUSTER_EXECUTOR_THREADS  partitions an executor writes at once [4]
#   SYNGEN_EXECUTOR_JVM_ARGS  JVM options of the executors only, before JVM_ARGS (which reaches
#                             every member) [-XX:CompileThresholdScaling=10]; empty for none
#   SYNGEN_DB_HOST/PORT/NAME/SCHEMA/USER/PASSWORD  the shared history database
#                             [127.0.0.1/5432/test/syngen_cluster/postgres/""]
#   SYNGEN_CLUSTER_READY_SECONDS  how long to wait for every member's /health/ready [300]
#   SYNGEN_CLUSTER_TLS        on: the engine and executors talk TLS (docs/scale-out.md) [off]
#   SYNGEN_CLUSTER_KEYSTORE   with TLS, the cluster's PKCS12 file; when unset, this script creates
#                             one for the local cluster in $SYNGEN_WLP_DIR/usr/servers/.cluster-tls/
#                             (a key for localhost, its password in a file beside it, both 0600)
#   SYNGEN_CLUSTER_KEYSTORE_PASSWORD  its password (required with your own keystore)
# Anything else in the environment (SYNGEN_ADMIN_PASSWORD, SYNGEN_BATCH_*) reaches every member.
# liberty/cluster/stop-local.sh stops them.
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
join="" again=""
if [ "${1:-}" = "--dispatcher" ]; then
  again=dispatcher
  executors=0
elif [ "${1:-}" = "--join" ]; then
  join=${2:-}
  if ! [[ $join =~ ^[1-9][0-9]?$ ]]; then
    echo "start-local.sh: --join needs the new executor's number from 1 to 99, but got '$join'; fix: e.g. start-local.sh --join 3" >&2
    exit 2
  fi
  executors=$join
else
  executors=${1:-2}
fi
wlp=${SYNGEN_WLP_DIR:-$root/src/server/target/liberty/wlp}
template=${SYNGEN_CLUSTER_TEMPLATE:-syngenServer}
prefix=${SYNGEN_CLUSTER_PREFIX:-syngenCluster}
jms_port=${SYNGEN_JMS_PORT:-7276}
ready_seconds=${SYNGEN_CLUSTER_READY_SECONDS:-300}

if [ -z "$again" ] && ! [[ $executors =~ ^[1-9][0-9]?$ ]]; then
  echo "start-local.sh: executors is '$executors', but must be a number from 1 to 99; fix: e.g. start-local.sh 2" >&2
  exit 2
fi
if [ ! -d "$wlp/usr/servers/$template" ]; then
  echo "start-local.sh: no server $template in $wlp; fix: run ./mvnw liberty:run once (then Ctrl-C) first, or set SYNGEN_WLP_DIR and SYNGEN_CLUSTER_TEMPLATE" >&2
  exit 2
fi

default_ports() { local first=$1 i out=""; for ((i = 0; i <= executors; i++)); do out+="${out:+,}$((first + 100 * i))"; done; echo "$out"; }
IFS=, read -r -a http_ports <<< "${SYNGEN_CLUSTER_HTTP_PORTS:-$(default_ports 9180)}"
IFS=, read -r -a https_ports <<< "${SYNGEN_CLUSTER_HTTPS_PORTS:-$(default_ports 9181)}"
if [ "${#http_ports[@]}" -le "$executors" ] || [ "${#https_ports[@]}" -le "$executors" ]; then
  echo "start-local.sh: SYNGEN_CLUSTER_HTTP_PORTS and SYNGEN_CLUSTER_HTTPS_PORTS need $((executors + 1)) ports each (dispatcher first)" >&2
  exit 2
fi

if [ -z "${SYNGEN_JMS_PASSWORD:-}" ]; then
  echo "start-local.sh: SYNGEN_JMS_PASSWORD is not set; fix: export SYNGEN_JMS_PASSWORD=<a password> (executors authenticate to the dispatcher's messaging engine with it)" >&2
  exit 2
fi
export SYNGEN_JMS_USER=${SYNGEN_JMS_USER:-syngen-executor} SYNGEN_JMS_PASSWORD

# TLS between the members: one keystore for all of them, created here for a local cluster
if [ "${SYNGEN_CLUSTER_TLS:-off}" = "on" ] && [ -z "${SYNGEN_CLUSTER_KEYSTORE:-}" ]; then
  tls_dir=$wlp/usr/servers/.cluster-tls
  SYNGEN_CLUSTER_KEYSTORE=$tls_dir/$prefix.p12
  if [ ! -f "$SYNGEN_CLUSTER_KEYSTORE" ]; then
    mkdir -p "$tls_dir"
    chmod 700 "$tls_dir"
    (umask 077 && head -c 24 /dev/urandom | base64 | tr -d '/+=' > "$tls_dir/$prefix.password")
    keytool=${JAVA_HOME:+$JAVA_HOME/bin/}keytool
    (umask 077 && "$keytool" -genkeypair -alias syngen-cluster -keyalg RSA -keysize 2048 -validity 825 \
      -dname "CN=localhost, O=syngen local cluster $prefix" -ext "SAN=dns:localhost,ip:127.0.0.1" \
      -storetype PKCS12 -keystore "$SYNGEN_CLUSTER_KEYSTORE" \
      -storepass:file "$tls_dir/$prefix.password" > /dev/null 2>&1) || {
      echo "start-local.sh: keytool could not create $SYNGEN_CLUSTER_KEYSTORE; fix: put a JDK's bin on PATH or set JAVA_HOME, or set SYNGEN_CLUSTER_KEYSTORE and SYNGEN_CLUSTER_KEYSTORE_PASSWORD" >&2
      exit 2
    }
  fi
  SYNGEN_CLUSTER_KEYSTORE_PASSWORD=$(cat "$tls_dir/$prefix.password")
fi
if [ "${SYNGEN_CLUSTER_TLS:-off}" = "on" ] && [ -z "${SYNGEN_CLUSTER_KEYSTORE_PASSWORD:-}" ]; then
  echo "start-local.sh: SYNGEN_CLUSTER_KEYSTORE_PASSWORD is not set; fix: export the password of $SYNGEN_CLUSTER_KEYSTORE" >&2
  exit 2
fi
export SYNGEN_CLUSTER_TLS=${SYNGEN_CLUSTER_TLS:-off} SYNGEN_CLUSTER_KEYSTORE=${SYNGEN_CLUSTER_KEYSTORE:-} \
  SYNGEN_CLUSTER_KEYSTORE_PASSWORD=${SYNGEN_CLUSTER_KEYSTORE_PASSWORD:-}

export SYNGEN_DB_KIND=postgres
export SYNGEN_DB_HOST=${SYNGEN_DB_HOST:-127.0.0.1} SYNGEN_DB_PORT=${SYNGEN_DB_PORT:-5432}
export SYNGEN_DB_NAME=${SYNGEN_DB_NAME:-test} SYNGEN_DB_SCHEMA=${SYNGEN_DB_SCHEMA:-syngen_cluster}
export SYNGEN_DB_USER=${SYNGEN_DB_USER:-postgres} SYNGEN_DB_PASSWORD=${SYNGEN_DB_PASSWORD:-}

# A fresh copy of the template: its configuration and application, none of its state.
member() {
  local name=$1 dir=$wlp/usr/servers/$1
  rm -rf "$dir"
  mkdir -p "$dir"
  (cd "$wlp/usr/servers/$template" && tar --exclude=./logs --exclude=./workarea --exclude=./data \
    --exclude=./messaging --exclude=./tranlog --exclude=./resources/security -cf - .) | (cd "$dir" && tar -xf -)
}

# Starts member $1 on the $2-th ports with the environment $3…, in its server directory as it is.
launch() {
  local name=$1 index=$2
  shift 2
  env HTTP_PORT="${http_ports[$index]}" HTTPS_PORT="${https_ports[$index]}" "$@" \
    "$wlp/bin/server" start "$name" > /dev/null
  echo "$name http://localhost:${http_ports[$index]}/"
}

# As launch, in a fresh copy of the template.
start() {
  member "$1"
  launch "$@"
}

# The dispatcher, with start (a fresh copy) or launch ($1).
dispatcher() {
  "$1" "${prefix}Dispatcher" 0 SYNGEN_ROLE=dispatcher SYNGEN_JMS_PORT="$jms_port"
}

executor() {
  # executors never recover runs at start and listen on no messaging port of their own; they serve
  # no API traffic, so HotSpot compiles only what runs ten times the usual calls: their chunks'
  # row loops, not Liberty's once-a-chunk code (a quarter less CPU per chunk, docs/benchmarks.md)
  start "${prefix}Executor$1" "$1" SYNGEN_ROLE=executor SYNGEN_JMS_PORT=-1 \
    JVM_ARGS="${SYNGEN_EXECUTOR_JVM_ARGS--XX:CompileThresholdScaling=10}${JVM_ARGS:+ $JVM_ARGS}" \
    SYNGEN_CLUSTER_DISPATCHER="localhost:$jms_port" \
    SYNGEN_CLUSTER_EXECUTOR_THREADS="${SYNGEN_CLUSTER_EXECUTOR_THREADS:-4}"
}

names=("${prefix}Dispatcher")
for ((i = 1; i <= executors; i++)); do names+=("${prefix}Executor$i"); done
if [ -n "$again" ]; then
  if [ ! -d "$wlp/usr/servers/${prefix}Dispatcher" ]; then
    echo "start-local.sh: there is no ${prefix}Dispatcher to start again; fix: start the cluster with start-local.sh [executors]" >&2
    exit 2
  fi
  if "$wlp/bin/server" status "${prefix}Dispatcher" > /dev/null 2>&1; then
    echo "start-local.sh: ${prefix}Dispatcher is already running; fix: stop it first (liberty/cluster/stop-local.sh stops every member)" >&2
    exit 2
  fi
  # the same server directory: its messaging engine's store, transaction log and workarea stay
  dispatcher launch
  first=0
elif [ -n "$join" ]; then
  if [ -d "$wlp/usr/servers/${prefix}Executor$join" ] && "$wlp/bin/server" status "${prefix}Executor$join" > /dev/null 2>&1; then
    echo "start-local.sh: ${prefix}Executor$join is already running; fix: join with another number" >&2
    exit 2
  fi
  executor "$join"
  first=$join
else
  dispatcher start &
  for ((i = 1; i <= executors; i++)); do executor "$i" & done
  wait
  first=0
fi

# Ready means started, history database reachable and, for an executor, connected to the engine.
deadline=$((SECONDS + ready_seconds))
for ((i = first; i <= executors; i++)); do
  until curl -fs -o /dev/null "http://localhost:${http_ports[$i]}/health/ready"; do
    if [ $SECONDS -ge $deadline ]; then
      echo "start-local.sh: ${names[$i]} not ready after ${ready_seconds} s; see $wlp/usr/servers/${names[$i]}/logs/messages.log" >&2
      exit 1
    fi
    sleep 2
  done
done
echo "cluster ready: ${names[*]:$first}${SYNGEN_CLUSTER_TLS:+ (messaging TLS $SYNGEN_CLUSTER_TLS)}"
