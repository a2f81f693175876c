#!/usr/bin/env bash
# `patrol escalate` and `patrol task list` over the serve benchmark's county (500 units, 50,000
# open tasks; issue 14, target ≤ 1 s each): task list as a table and as JSON, escalate on a day
# when every task rises to 问责建议, and escalate again on that day, when nothing changes. Each
# repeat runs on a fresh copy of the cached database. Prints the CPU, core count and load first,
# then wall and CPU (user + sys) seconds per command; `audit verify` checks the copy at the end.
#
# Usage: bench/serve/escalate.sh
#   PATROL_BUILD   build folder holding bin/patrol and bin/patrol-bench-plan (default <repo>/build)
#   BENCH_UNITS/TASKS  database size (default 500 / 50000)
#   BENCH_REPEAT   runs of each command (default 3)
#   BENCH_DATA     where the database is cached (default bench/serve/.data, rebuilt when missing)
#   BENCH_VERIFY   1 (default): `patrol audit verify` on the last copy after the runs
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
verify=${BENCH_VERIFY:-1}
. "$here/bench_tools.sh"
serve_bench_settings "$repo"
require_patrol_tools "$build"
print_machine
echo "数据: $units 个单位，$tasks 项未销号的整改任务；每项命令运行 $repeat 次，每次用数据库的新副本"

cache=$(serve_county_cache)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export PATROL_DB=$work/patrol.db
unset PATROL_USER PATROL_CONFIG PATROL_TODAY PATROL_DATA

# Every task of the benchmark has the same due date; 31 days later each one deserves 问责建议.
due=$(sqlite3 "$cache/patrol.db" "SELECT max(due_date) FROM rectification_tasks")
as_of=$(date -u -d "$due +31 days" +%F)

# timed NAME COMMAND...: one line of seconds (wall, user + sys) to $work/NAME.times.
timed() {
  local name=$1
  shift
  /usr/bin/time -f '%e %U %S' -o "$work/time.out" "$@" > "$work/$name.out" 2> "$work/$name.err" || {
    echo "$name 失败：" >&2
    cat "$work/$name.err" >&2
    exit 1
  }
  awk '{ printf "%.2f %.2f\n", $1, $2 + $3 }' "$work/time.out" >> "$work/$name.times"
}

for ((run = 1; run <= repeat; run++)); do
  rm -f "$PATROL_DB" "$PATROL_DB-wal" "$PATROL_DB-shm"
  cp "$cache/patrol.db" "$PATROL_DB"
  # On disk before the clock starts, as a database in use is: else the checkpoint's fsync at the
  # end of escalate writes out the whole fresh copy (480 MB) and is charged for it.
  sync "$PATROL_DB"
  timed list_table "$patrol" task list --format table
  timed list_json "$patrol" task list --format json
  timed escalate_all "$patrol" escalate --as-of "$as_of" --format table
  timed escalate_none "$patrol" escalate --as-of "$as_of" --format table
done

# Tables end with a "（共 N 条）" line: the count as the command itself prints it.
count_of() { grep -o '共 [0-9]* 条' "$work/$1.out" | tail -n 1 | tr -dc '0-9'; }
rises=$(count_of escalate_all)
listed=$(count_of list_table)
echo
printf '%-48s %8s %16s %16s %8s\n' "命令" "条数" "墙钟秒(各次)" "CPU秒(各次)" "≤ 1 s"
row() {
  local name=$1 label=$2 count=$3 walls cpus best
  walls=$(cut -d' ' -f1 "$work/$name.times" | paste -sd/)
  cpus=$(cut -d' ' -f2 "$work/$name.times" | paste -sd/)
  best=$(cut -d' ' -f1 "$work/$name.times" | sort -n | head -1)
  printf '%-44s %8s %16s %16s %8s\n' "$label" "$count" "$walls" "$cpus" \
    "$(awk -v b="$best" 'BEGIN { print (b <= 1.0 ? "met" : "not met") }')"
}
row list_table "task list --format table" "$listed"
row list_json "task list --format json" "$listed"
row escalate_all "escalate --as-of $as_of（全部升级）" "$rises"
row escalate_none "escalate --as-of $as_of（再次，无变化）" 0
echo "（met / not met 按各次中最快的一次；负载见首行）"
grep -q "没有整改任务需要升级预警" "$work/escalate_none.out" || { echo "再次运行 escalate 不应有任何升级" >&2; exit 1; }
if [ "$verify" = 1 ]; then
  echo "audit verify: $("$patrol" audit verify | tail -n 1)"
fi
