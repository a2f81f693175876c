#!/usr/bin/env bash
# Peak memory on pathological input (issue 15): builds each hostile file, runs the CLI on it as a
# user would and prints its peak resident set next to the input size, with the target met or not.
# Targets: peak ≤ 2× the input; ≤ 3× for an input made only of rejected or duplicate rows.
#
# Usage: bench/memory.sh [--scale S]   (S = 1: 200 MB NUL line, 100 MB line, 40 MB quoted
#        field, 1M rejected rows, 1M duplicate ids; 0.1 for a quick run)
#   PATROL_BUILD  build folder holding bin/patrol (default: <repo>/build)
#   BENCH_DIR     where the files go (default: /tmp/patrol-memory)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(dirname "$here")
build=${PATROL_BUILD:-$repo/build}
work=${BENCH_DIR:-/tmp/patrol-memory}
scale=1
while [ $# -gt 0 ]; do
  case $1 in
    --scale) scale=$2; shift 2 ;;
    *) echo "用法：bench/memory.sh [--scale S]" >&2; exit 2 ;;
  esac
done
patrol=$build/bin/patrol
[ -x "$patrol" ] || { echo "找不到 $patrol：请先构建，或用 PATROL_BUILD 指定构建目录。" >&2; exit 2; }
rm -rf "$work" && mkdir -p "$work"

# make CASE: writes $work/CASE/expenses.csv (dataset cases) or $work/CASE/units.csv (unit import).
python3 - "$work" "$scale" <<'PY'
import os, sys
work, scale = sys.argv[1], float(sys.argv[2])
MB = 1 << 20
header = "expense_id,unit_code,date,category,amount,headcount,vendor,description\n"
def out(case, name):
    d = os.path.join(work, case); os.makedirs(d, exist_ok=True)
    return open(os.path.join(d, name), "wb")
def chunks(total, piece):
    while total > 0:
        n = min(total, len(piece)); yield piece[:n]; total -= n
with out("nul_line", "expenses.csv") as f:
    f.write(header.encode())
    for c in chunks(int(200 * MB * scale), b"\0" * MB): f.write(c)
    f.write(b"\n")
with out("long_line", "expenses.csv") as f:
    f.write(header.encode()); f.write("E1,U1,2025-03-03,meal,100.00,2,某酒店,".encode())
    for c in chunks(int(100 * MB * scale), b"x" * MB): f.write(c)
with out("quoted_field", "expenses.csv") as f:
    f.write(header.encode()); f.write("E1,U1,2025-03-03,meal,100.00,2,某酒店,\"".encode())
    for c in chunks(int(40 * MB * scale), b"a\n" * (MB // 2)): f.write(c)
    f.write(b"\"\n")
rows = int(1_000_000 * scale)
with out("rejected_rows", "expenses.csv") as f:
    f.write(header.encode())
    f.write("".join(f"E{i},U1,2025-13-45,meal,100.00,2,v,d\n" for i in range(rows)).encode())
with out("duplicate_ids", "expenses.csv") as f:
    f.write(header.encode())
    f.write("".join("E1,U1,2025-03-03,meal,100.00,2,v,d\n" for _ in range(rows)).encode())
with out("unit_long_line", "units.csv") as f:
    f.write(b"code,name,kind,parent_code\nQX,")
    for c in chunks(int(100 * MB * scale), b"x" * MB): f.write(c)
    f.write(b",other,\n")
with out("unit_rejected_rows", "units.csv") as f:
    f.write(b"code,name,kind,parent_code\n")
    f.write("".join(f"QX-{i},单位{i},town,\n" for i in range(rows)).encode())
with out("unit_duplicate_codes", "units.csv") as f:
    f.write(b"code,name,kind,parent_code\n")
    f.write("".join("QX,清溪县,other,\n" for _ in range(rows)).encode())
PY

printf '%-22s %10s %10s %8s %8s  %s\n' case "input MB" "peak MB" "×input" target met
for dir in "$work"/*/; do
  case=$(basename "$dir")
  if [ -f "$dir/units.csv" ]; then
    file=$dir/units.csv limit=3
    [ "$case" = unit_long_line ] && limit=2
    PATROL_DB=$dir/patrol.db "$patrol" init > /dev/null 2>&1
    cmd=(env PATROL_DB="$dir/patrol.db" "$patrol" unit import "$dir/units.csv")
  else
    file=$dir/expenses.csv limit=2
    case $case in rejected_rows|duplicate_ids) limit=3 ;; esac
    cmd=("$patrol" check --plugin four_styles --data "$dir" --as-of 2025-12-31 --format jsonl)
  fi
  input_kb=$(( $(stat -c %s "$file") / 1024 ))
  set +e
  /usr/bin/time -f %M -o "$dir/peak" "${cmd[@]}" > "$dir/out" 2> "$dir/err"
  status=$?
  set -e
  peak_kb=$(tail -1 "$dir/peak")
  python3 - "$case" "$input_kb" "$peak_kb" "$limit" "$status" "$(head -c 160 "$dir/err" | head -1)" <<'PY'
import sys
case, inp, peak, limit, status, err = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), sys.argv[5], sys.argv[6]
ratio = peak / max(inp, 1)
print(f"{case:<22} {inp/1024:10.1f} {peak/1024:10.1f} {ratio:8.2f} {'≤'+str(limit)+'×':>8}  {'met' if ratio <= limit else 'NOT MET'} (exit {status}) {err[:100]}")
PY
done
