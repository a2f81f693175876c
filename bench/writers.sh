#!/usr/bin/env bash
# Concurrent writers: 16 patrol processes write to one database for 30 s (3 of them record a
# check's findings); prints successes, failures, p50/p95 latency, writes/s, the CPU and its load,
# and `audit verify` at the end (bench/writers.py tells the mix).
#
# Usage: bench/writers.sh [--writers N] [--seconds S] [--rows N] [--busy-timeout-ms MS]
#   PATROL_BUILD  build folder holding bin/patrol and the plugins (default: <repo>/build)
#   BENCH_DIR     where the ledger and the database go (default: /tmp/patrol-bench-writers)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(dirname "$here")
build=${PATROL_BUILD:-$repo/build}
work=${BENCH_DIR:-/tmp/patrol-bench-writers}
patrol=$build/bin/patrol
if [ ! -x "$patrol" ]; then
  echo "找不到 $patrol：请先构建（cmake --build build），或用 PATROL_BUILD 指定构建目录。" >&2
  exit 2
fi
exec python3 "$here/writers.py" "$patrol" "$work" "$@"
