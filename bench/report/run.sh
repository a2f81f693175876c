#!/usr/bin/env bash
# The report benchmark (issue 11): on the serve benchmark's database (500 units, 50,000 planned
# rectification tasks, bench/serve/cached_db.sh builds it once and reuses it), times
#   `patrol report ledger -o 台账.xlsx`  — target: at most 2 s and 200 MB peak resident memory;
#   `patrol report work -o 汇报.md`      — no target; shown because its appendix lists every record.
# Each command runs BENCH_REPEAT times (measure.py: best and median wall time, peak RSS), then
# once more under /usr/bin/time for its CPU time (user + system).
#
# Usage: bench/report/run.sh
#   PATROL_BUILD       build folder holding bin/patrol and bin/patrol-bench-plan (default <repo>/build)
#   BENCH_UNITS/TASKS  database size (default 500 / 50000)
#   BENCH_REPEAT       runs per command (default 3)
#   BENCH_DATA         where the database is cached (default bench/serve/.data, shared with bench/serve)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
. "$repo/bench/serve/bench_tools.sh"
serve_bench_settings "$repo"
require_patrol_tools "$build"

print_machine
echo "数据: $units 个单位，$tasks 项整改任务；每个命令运行 $repeat 次"

# The same cached database as the serve benchmark (32 unit contacts, as bench/serve/run.sh asks).
cache=$(serve_county_cache)
work=$data/report
rm -rf "$work" && mkdir -p "$work"
unset PATROL_USER PATROL_CONFIG PATROL_TODAY PATROL_DATA
export PATROL_DB=$cache/patrol.db
today=$(date -u +%F)

# measure.py prints "<best s> <median s> <peak KiB>"; the verdict compares the best run.
measure() {
  local label=$1 seconds_target=$2 mb_target=$3
  shift 3
  read -r best median kib < <(python3 "$repo/bench/measure.py" "$repeat" "$work/out.txt" "$work/err.txt" -- "$@")
  local mb=$(( (kib + 1023) / 1024 ))
  local verdict=""
  if [ -n "$seconds_target" ]; then
    if python3 -c "import sys; sys.exit(0 if $best <= $seconds_target and $mb <= $mb_target else 1)"; then
      verdict="（目标 ≤ $seconds_target s、≤ $mb_target MB：达标）"
    else
      verdict="（目标 ≤ $seconds_target s、≤ $mb_target MB：未达标）"
    fi
  fi
  printf '%-28s 最好 %6.2f s，中位 %6.2f s，峰值内存 %4d MB%s\n' "$label" "$best" "$median" "$mb" "$verdict"
  # On a shared machine the wall time follows the load; the CPU time of one more run does less so.
  /usr/bin/time -f "%U %S" -o "$work/cpu.txt" "$@" > /dev/null
  read -r user sys < "$work/cpu.txt"
  printf '%-28s CPU %s s 用户态 + %s s 内核态（再运行一次）\n' "" "$user" "$sys"
}

measure "report ledger (.xlsx)" 2 200 "$patrol" report ledger --as-of "$today" -o "$work/台账.xlsx"
echo "  $(cat "$work/out.txt")"
measure "report work (.md)" "" "" "$patrol" report work --from 2000-01-01 --to 2100-12-31 --as-of "$today" -o "$work/汇报.md"
echo "  $(cat "$work/out.txt")"
echo "测量后负载 $(cut -d' ' -f1-3 /proc/loadavg)。"
