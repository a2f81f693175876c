#!/usr/bin/env bash
# The page budget (issue 10): on the serve benchmark's database (500 units, 50,000 tasks), signs
# in as a unit contact, an inspector, a leader and an admin, requests each of their main pages one
# at a time for BENCH_SECONDS with wrk, and prints per page the p50/p99 time to the full answer,
# the HTML bytes and the bytes of the page's own CSS/JS (Chart.js excluded), against the targets
# p99 <= 20 ms and HTML + CSS/JS <= 100 KB. Also the server's CPU time per request, the CPU model,
# core count and load average, since the machine may be shared.
#
# Usage: bench/web/run.sh
#   PATROL_BUILD   build folder holding bin/patrol and bin/patrol-bench-plan (default <repo>/build)
#   BENCH_UNITS/TASKS  database size (default 500 / 50000)
#   BENCH_SECONDS  length of each page's run (default 5)
#   BENCH_DATA     where the database is cached (default bench/serve/.data, shared with bench/serve)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
seconds=${BENCH_SECONDS:-5}
. "$repo/bench/serve/bench_tools.sh"
serve_bench_settings "$repo"
require_patrol_tools "$build" wrk

print_machine
echo "数据: $units 个单位，$tasks 项整改任务；每页测量 $seconds 秒，一次一个请求（wrk -c 1）"
# The same database as the serve benchmark (one unit contact per unit, up to 32).
cache=$(serve_county_cache)

# A fresh copy per run, with a leader and passwords for one user of each role.
work=$data/web-run
rm -rf "$work" && mkdir -p "$work"
cp "$cache/patrol.db" "$work/patrol.db"
db=$work/patrol.db
export PATROL_DB=$db
unset PATROL_USER PATROL_CONFIG PATROL_TODAY PATROL_DATA
password=Bench-Page-Budget-2026
contact=联系人$(head -n 1 "$cache/tokens.tsv" | cut -f1)
"$patrol" user add --name 基准领导 --role leader > /dev/null
"$patrol" user add --name 基准管理员 --role admin > /dev/null
for name in "$contact" 基准组长 基准领导 基准管理员; do
  echo "$password" | "$patrol" user password "$name" > /dev/null
done
read -r own_task any_task finding < <(python3 - "$db" "$contact" << 'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
unit = db.execute("SELECT unit_id FROM users WHERE name = ?", (sys.argv[2],)).fetchone()[0]
own = db.execute("SELECT min(t.id) FROM rectification_tasks t JOIN findings f ON f.id = t.finding_id WHERE f.unit_id = ?",
                 (unit,)).fetchone()[0]
last = db.execute("SELECT max(id) FROM rectification_tasks").fetchone()[0]
finding = db.execute("SELECT max(id) FROM findings").fetchone()[0]
print(own, last, finding)
PY
)
printf '%s\t%s\t%s\n' \
  unit "$contact" "/tasks /tasks/$own_task" \
  inspector 基准组长 "/rounds /rounds/BENCH /rounds/BENCH/review /tasks /tasks/$any_task /findings/$finding /rounds/BENCH/findings/new" \
  leader 基准领导 "/dashboard /tasks /extensions /rounds" \
  admin 基准管理员 "/users /rounds /tasks" > "$work/users.tsv"

start_patrol_server "$work/server.log" --db "$db"

python3 "$here/pages.py" "${base%/}" "$password" "$work/users.tsv" > "$work/pages.tsv"
ticks=$(getconf CLK_TCK)
server_cpu() { awk '{ print $14 + $15 }' "/proc/$server_pid/stat"; }
field() { tr ' ' '\n' < "$1" | sed -n "s/^$2=//p"; }
export BENCH_LUA=$repo/bench/serve
printf '%-10s %-26s %8s %8s %8s %9s %9s %-24s %s\n' role page "p50 ms" "p99 ms" "cpu ms" "HTML KB" "CSS/JS KB" "target" pass
missed=0 n=0
while IFS=$'\t' read -r role path cookie html assets names; do
  n=$(( n + 1 ))
  before=$(server_cpu)
  BENCH_COOKIE=$cookie wrk -t 1 -c 1 -d "${seconds}s" --timeout 10s --latency -s "$here/page.lua" "${base%/}$path" \
    | grep '^BENCH ' > "$work/page$n.out" || true
  if [ ! -s "$work/page$n.out" ]; then
    echo "wrk 没有完成 $path 的测量" >&2
    exit 1
  fi
  cpu=$(( $(server_cpu) - before ))
  requests=$(field "$work/page$n.out" requests) p99=$(field "$work/page$n.out" p99_us)
  bad=$(( $(field "$work/page$n.out" non2xx) + $(field "$work/page$n.out" socket_errors) ))
  # A page slower than the whole run gives wrk no finished request: that is a miss, not a pass.
  ok=$(( requests > 0 && p99 <= 20000 && html + assets <= 102400 && bad == 0 ))
  [ "$ok" = 1 ] && pass=达标 || { pass=未达标; missed=$(( missed + 1 )); }
  [ "$bad" = 0 ] || pass="$pass（$bad 个请求失败）"
  [ "$requests" -gt 0 ] || pass="$pass（$seconds 秒内没有完成的请求）"
  printf '%-10s %-26s %8s %8s %8s %9s %9s %-24s %s\n' "$role" "$path" \
    "$(awk -v us="$(field "$work/page$n.out" p50_us)" 'BEGIN { printf "%.2f", us / 1000 }')" \
    "$(awk -v us="$p99" 'BEGIN { printf "%.2f", us / 1000 }')" \
    "$(awk -v t="$cpu" -v n="$requests" -v hz="$ticks" 'BEGIN { if (n > 0) printf "%.2f", 1000 * t / hz / n; else printf "-" }')" \
    "$(awk -v b="$html" 'BEGIN { printf "%.1f", b / 1024 }')" "$(awk -v b="$assets" 'BEGIN { printf "%.1f", b / 1024 }')" \
    "p99<=20ms,<=100KB" "$pass"
done < "$work/pages.tsv"
echo
echo "CSS/JS 指页面自己引用的样式和脚本（$(cut -f6 "$work/pages.tsv" | tr ',' '\n' | sort -u | grep -v '^-$' | paste -sd' ')），不含 Chart.js。"
echo "$n 个页面，$(( n - missed )) 个达标，$missed 个未达标；测量后负载 $(cut -d' ' -f1-3 /proc/loadavg)。"
