#!/usr/bin/env bash
# Differential check: `patrol check` against the Python peer on many small edge-case datasets
# (bench/edge_data.py). Any difference in rule, unit, refs or amount is printed and fails.
#
# Usage: bench/differential.sh [SEEDS]   (default 100 per plugin; PATROL_BUILD as in run.sh)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(dirname "$here")
patrol=${PATROL_BUILD:-$repo/build}/bin/patrol
seeds=${1:-100}
calendar=$repo/tests/plugins/calendar.json
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
for plugin in four_styles poverty_alleviation business_environment; do
  for seed in $(seq 1 "$seeds"); do
    rm -rf "$work/data"
    python3 "$here/edge_data.py" "$plugin" "$seed" "$work/data"
    "$patrol" check --plugin "$plugin" --data "$work/data" --as-of 2026-04-11 --calendar "$calendar" --format jsonl \
      2> "$work/stderr" | python3 "$here/normalize.py" | LC_ALL=C sort > "$work/patrol.tsv"
    python3 "$here/peer_python.py" "$plugin" "$work/data" 2026-04-11 "$calendar" | LC_ALL=C sort > "$work/python.tsv"
    if ! cmp -s "$work/patrol.tsv" "$work/python.tsv"; then
      failures=$((failures + 1))
      echo "不一致：$plugin 种子 $seed（< patrol，> python）"
      diff "$work/patrol.tsv" "$work/python.tsv" | head -n 10 || true
    fi
  done
done
echo "差异检查：$((seeds * 3)) 组数据，$failures 组不一致"
[ "$failures" -eq 0 ]
