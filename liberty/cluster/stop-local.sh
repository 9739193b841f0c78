#!/usr/bin/env bash
# Stops the members liberty/cluster/start-local.sh started (same SYNGEN_WLP_DIR and
# SYNGEN_CLUSTER_PREFIX). Usage: liberty/cluster/stop-local.sh
set -uo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
wlp=${SYNGEN_WLP_DIR:-$root/src/server/target/liberty/wlp}
prefix=${SYNGEN_CLUSTER_PREFIX:-syngenCluster}
for dir in "$wlp/usr/servers/${prefix}"Dispatcher "$wlp/usr/servers/${prefix}"Executor*; do
  [ -d "$dir" ] && "$wlp/bin/server" stop "$(basename "$dir")" > /dev/null &
done
wait
