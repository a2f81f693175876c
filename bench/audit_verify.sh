#!/usr/bin/env bash
# Times `patrol audit verify` on the demo database and on a round holding ~20,000 suspected
# findings recorded by a four_styles check over generated data (and times that check too).
#
# Usage: bench/audit_verify.sh [--rows N]      (default 560000 rows: about 20,500 findings)
#   PATROL_BUILD  build folder holding bin/patrol and the plugins (default: <repo>/build)
#   BENCH_DIR     where the data and databases go (default: /tmp/patrol-bench-audit)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(dirname "$here")
build=${PATROL_BUILD:-$repo/build}
work=${BENCH_DIR:-/tmp/patrol-bench-audit}
rows=560000
if [ "${1:-}" = --rows ]; then rows=$2; fi
patrol=$build/bin/patrol
if [ ! -x "$patrol" ]; then
  echo "找不到 $patrol：请先构建（cmake --build build），或用 PATROL_BUILD 指定构建目录。" >&2
  exit 2
fi
mkdir -p "$work"
data=$work/four_styles-$rows
[ -f "$data/expenses.csv" ] || python3 "$here/generate.py" four_styles "$data" --rows "$rows" > /dev/null

# Best of N wall-clock seconds and peak memory (MB) of one command.
seconds() {
  local repeat=$1
  shift
  python3 "$here/measure.py" "$repeat" "$work/out.txt" "$work/err.txt" -- "$@" | awk '{printf "%.3f s, %.1f MB", $1, $3 / 1024}'
}

demo=$work/demo.db
rm -f "$demo" "$demo-wal" "$demo-shm"
"$patrol" demo --db "$demo" > /dev/null
echo "demo: audit verify $(seconds 3 "$patrol" audit verify --db "$demo")"

db=$work/findings.db
rm -f "$db" "$db-wal" "$db-shm"
"$patrol" init --db "$db" > /dev/null
units=()
for i in $(seq 1 300); do
  code=$(printf 'U%04d' "$i")
  units+=("$code")
  "$patrol" unit add --code "$code" --name "单位$i" --kind other --db "$db" > /dev/null
done
"$patrol" round create --code B-1 --title 基准轮次 --kind special --start 2025-01-01 --end 2025-12-31 \
  --plugins four_styles --db "$db" > /dev/null
"$patrol" round target --round B-1 --unit "${units[@]}" --db "$db" > /dev/null
echo "check --round (recording every finding, one audit event each): $(seconds 1 "$patrol" check --plugin four_styles --data "$data" --as-of 2025-12-31 \
  --calendar "$data/calendar.json" --round B-1 --db "$db")"
echo "findings: $(sqlite3 "$db" 'SELECT count(*) FROM findings')"
"$patrol" audit verify --db "$db"
echo "audit verify: $(seconds 3 "$patrol" audit verify --db "$db")"
