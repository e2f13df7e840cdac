#!/usr/bin/env bash
# Starts a cluster of N nodes on this machine against one PostgreSQL, for trying out sharding:
#   SHELFSTREAM_DB_URL=jdbc:postgresql://127.0.0.1:5432/test SHELFSTREAM_DB_USER=postgres \
#     cluster-config/scripts/local-cluster.sh 3
# Node i listens for HTTP on HTTP_BASE+i-1 and for the cluster on CLUSTER_BASE+i-1 (bases from
# SHELFSTREAM_HTTP_PORT, default 8080, and SHELFSTREAM_CLUSTER_PORT, default 25520); the first two
# nodes are the seeds. Logs go to data/node-i/node.log. Stop them with:
#   kill $(cat data/node-*/node.pid)
set -euo pipefail
nodes=${1:-3}
root=$(cd "$(dirname "$0")/../.." && pwd)
: "${SHELFSTREAM_DB_URL:?set SHELFSTREAM_DB_URL to a PostgreSQL shared by the nodes}"
http_base=${SHELFSTREAM_HTTP_PORT:-8080}
cluster_base=${SHELFSTREAM_CLUSTER_PORT:-25520}
"$root/shelfstream" build >/dev/null
seeds="127.0.0.1:$cluster_base,127.0.0.1:$((cluster_base + 1))"
for i in $(seq 1 "$nodes"); do
  dir="$root/data/node-$i"
  mkdir -p "$dir"
  SHELFSTREAM_HTTP_PORT=$((http_base + i - 1)) SHELFSTREAM_CLUSTER_PORT=$((cluster_base + i - 1)) \
    SHELFSTREAM_SEED_NODES=$seeds SHELFSTREAM_DATA_DIR=$dir \
    SHELFSTREAM_JAVA_OPTS="-Dconfig.resource=multi-node.conf" \
    nohup "$root/shelfstream" run >"$dir/node.log" 2>&1 &
  echo $! >"$dir/node.pid"
  echo "node $i: http://127.0.0.1:$((http_base + i - 1)) (log $dir/node.log)"
done
