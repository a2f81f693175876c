#!/usr/bin/env bash
# Bulk review at scale: records thousands of suspected findings with `check --round` over
# generated four_styles data, then times one `finding confirm --round R --yes` of all of them.
# Usage: bench/bulk_review.sh [ROWS]   (default 300000 rows, about 15 000 findings)
set -euo pipefail
ROWS=${1:-300000}
HERE=$(cd "$(dirname "$0")" && pwd)
BUILD=${PATROL_BUILD:-$HERE/../build}
PATROL="$BUILD/bin/patrol"
WORK=${BENCH_DIR:-/tmp/patrol-bench}/bulk-review-$ROWS
rm -rf "$WORK" && mkdir -p "$WORK"
DB="$WORK/patrol.db"
export PATROL_DB="$DB"
unset PATROL_USER PATROL_CONFIG

python3 "$HERE/generate.py" four_styles "$WORK/data" --rows "$ROWS" >/dev/null
"$PATROL" init >/dev/null
units=()
for n in $(seq 1 300); do
  code=$(printf 'U%04d' "$n")
  units+=("$code")
  "$PATROL" unit add --code "$code" --name "单位$n" --kind township >/dev/null
done
"$PATROL" round create --code B-R1 --title 批量审核测试 --kind special --start 2025-03-01 --end 2025-12-31 \
  --plugins four_styles >/dev/null
"$PATROL" round target --round B-R1 --unit "${units[@]}" >/dev/null
"$PATROL" check --plugin four_styles --data "$WORK/data" --round B-R1 --as-of 2025-12-31 \
  --calendar "$WORK/data/calendar.json" >/dev/null 2>"$WORK/check.err" || true
suspected=$("$PATROL" finding list --round B-R1 --status suspected --format csv | tail -n +2 | wc -l)
echo "suspected findings: $suspected"
python3 "$HERE/measure.py" --help >/dev/null 2>&1 || true
start=$(date +%s.%N)
"$PATROL" finding confirm --round B-R1 --yes
end=$(date +%s.%N)
echo "bulk confirm: $(echo "$end - $start" | bc) s"
"$PATROL" audit verify
