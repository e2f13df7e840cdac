#!/usr/bin/env bash
# Starts a cluster of N nodes on this machine against one PostgreSQL, for trying out sharding:
#   SHELFSTREAM_DB_URL=jdbc:postgresql://127.0.0.1:5432/test SHELFSTREAM_DB_USER=postgres \
#     cluster-config/scripts/local-cluster.sh 3
# Node i listens for HTTP on 8080+i-1 and for the cluster on 25520+i-1; logs go to
# data/node-i/node.log. Stop them with: kill $(cat data/node-*/node.pid)
set -euo pipefail
nodes=${1:-3}
root=$(cd "$(dirname "$0")/../.." && pwd)
: "${SHELFSTREAM_DB_URL:?set SHELFSTREAM_DB_URL to a PostgreSQL shared by the nodes}"
"$root/shelfstream" build >/dev/null
seeds="127.0.0.1:25520,127.0.0.1:25521"
for i in $(seq 1 "$nodes"); do
  dir="$root/data/node-$i"
  mkdir -p "$dir"
  SHELFSTREAM_HTTP_PORT=$((8079 + i)) SHELFSTREAM_CLUSTER_PORT=$((25519 + i)) \
    SHELFSTREAM_SEED_NODES=$seeds SHELFSTREAM_DATA_DIR=$dir \
    SHELFSTREAM_JAVA_OPTS="-Dconfig.resource=multi-node.conf" \
    nohup "$root/shelfstream" run >"$dir/node.log" 2>&1 &
  echo $! >"$dir/node.pid"
  echo "node $i: http://127.0.0.1:$((8079 + i)) (log $dir/node.log)"
done
