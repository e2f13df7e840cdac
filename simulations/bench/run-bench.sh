#!/usr/bin/env bash
# The benchmark suite: ./shelfstream bench [--runs N] [--quick] [--only ...] (see --help).
# The launcher builds first and then runs this script; it starts nodes and brokers as separate
# processes (io.shelfstream.simulations.bench.Bench) and writes BENCHMARKS.md at the repository
# root and bench-results/<timestamp>.json. JVM options of the harness: SHELFSTREAM_BENCH_JAVA_OPTS.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"

command="./shelfstream bench"
for arg in "$@"; do
  command+=" $(printf '%q' "$arg")"
done

# shellcheck disable=SC2086
exec java ${SHELFSTREAM_BENCH_JAVA_OPTS:--Xmx5g} \
  -Dshelfstream.bench.command="$command" \
  -cp "$ROOT/simulations/target/classes:$ROOT/simulations/target/lib/*" \
  io.shelfstream.simulations.bench.Bench "$@"
