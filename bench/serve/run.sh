#!/usr/bin/env bash
# The `patrol serve` benchmark (issue 9): on a database of 500 units and 50,000 planned tasks,
#   (1) GET /api/v1/tasks as one unit contact at 1, 8 and 32 concurrent clients: p50/p99 latency,
#       target p99 <= 10 ms at 32 clients;
#   (2) POST /api/v1/tasks/{id}/progress from 32 clients (each a unit contact reporting on its own
#       unit's tasks): throughput, target >= 30 % of SQLite's own single-writer rate (one INSERT +
#       one COMMIT per transaction, WAL, patrol's synchronous setting) measured here, in this run,
#       on the same disk by sqlite_baseline.py.
# The load client is Debian's wrk (C, epoll, keep-alive connections) with the Lua scripts next to
# this file; wrk runs on the same two cores as the server, as a client on the intranet would not.
#
# Usage: bench/serve/run.sh
#   PATROL_BUILD          build folder holding bin/patrol and bin/patrol-bench-plan (default <repo>/build)
#   BENCH_UNITS/TASKS     database size (default 500 / 50000)
#   BENCH_SECONDS         length of each measured run (default 10)
#   BENCH_SERVER_THREADS  server.threads for the server under test (default 32: one per client)
#   BENCH_DATA            where the database is cached (default bench/serve/.data, rebuilt when missing)
#   BENCH_VERIFY          1 (default): run `patrol audit verify` on the database after the runs
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
build=${PATROL_BUILD:-$repo/build}
units=${BENCH_UNITS:-500} tasks=${BENCH_TASKS:-50000} seconds=${BENCH_SECONDS:-10}
server_threads=${BENCH_SERVER_THREADS:-32} data=${BENCH_DATA:-$here/.data} verify=${BENCH_VERIFY:-1}
clients=32
patrol=$build/bin/patrol

. "$here/bench_tools.sh"
require_patrol_tools "$build" wrk
if ! "$patrol" serve --help > /dev/null 2>&1; then
  echo "$patrol 没有 serve 命令：这个构建还不含网页服务，请用包含 patrol serve 的版本重新构建。" >&2
  exit 2
fi

print_machine
echo "数据: $units 个单位，$tasks 项已制定措施的整改任务；每项测量 $seconds 秒；server.threads = $server_threads；客户端: $(wrk --version 2>&1 | head -1 | cut -d' ' -f1-2)"

# The database, built once per size and per version of the scripts that build it.
cache=$("$here/cached_db.sh" "$build" "$data" "$units" "$tasks" "$(( units < clients ? units : clients ))")

# Every run measures a fresh copy: the progress reports of one run do not pile up in the next.
work=$data/run
rm -rf "$work" && mkdir -p "$work"
cp "$cache/patrol.db" "$work/patrol.db"
sync  # the copy's writeback must not compete with the measured runs
db=$work/patrol.db
printf '[server]\nthreads = %s\n' "$server_threads" > "$work/serve.ini"

# Each contact's own tasks, as "token<TAB>task id" lines for progress.lua.
python3 - "$db" "$cache/tokens.tsv" > "$work/jobs.tsv" << 'EOF'
import sqlite3, sys
db = sqlite3.connect("file:%s?mode=ro" % sys.argv[1], uri=True)
for line in open(sys.argv[2], encoding="utf-8"):
    code, token = line.split()
    for (task,) in db.execute("SELECT t.id FROM rectification_tasks t JOIN findings f ON f.id = t.finding_id "
                              "JOIN units u ON u.id = f.unit_id WHERE u.code = ? ORDER BY t.id", (code,)):
        print("%s\t%d" % (token, task))
EOF
token=$(head -n 1 "$cache/tokens.tsv" | cut -f2)
counts() {  # progress reports and their audit events in the work copy
  python3 -c 'import sqlite3, sys; db = sqlite3.connect("file:%s?mode=ro" % sys.argv[1], uri=True)
print(db.execute("SELECT count(*) FROM progress_reports").fetchone()[0],
      db.execute("SELECT count(*) FROM audit_events WHERE action = '"'"'task.progress'"'"'").fetchone()[0])' "$db"
}
read -r reports_before events_before < <(counts)

server_pid= server_status=
stop_server() {  # SIGTERM, as a service manager stops it; keeps its exit status
  [ -n "$server_pid" ] || return 0
  kill -TERM "$server_pid" 2> /dev/null || true
  server_status=0
  wait "$server_pid" 2> /dev/null || server_status=$?
  server_pid=
}
trap stop_server EXIT
"$patrol" serve --db "$db" --port 0 --config "$work/serve.ini" 2> "$work/server.log" &
server_pid=$!
base=$(wait_for_server "$work/server.log" "$server_pid")

# One request first, to show the run measures real answers: status and how many tasks came back.
python3 - "${base}api/v1/tasks" "$token" "$work/first.json" << 'EOF' || exit 1
import sys, urllib.error, urllib.request
request = urllib.request.Request(sys.argv[1], headers={"Authorization": "Bearer " + sys.argv[2]})
try:
    with urllib.request.urlopen(request, timeout=30) as reply:
        open(sys.argv[3], "wb").write(reply.read())
except urllib.error.HTTPError as e:
    sys.exit("GET %s 返回 %d（应为 200）：%s" % (sys.argv[1], e.code, e.read()[:500].decode("utf-8", "replace")))
EOF
echo "GET /api/v1/tasks（单位联系人 $(head -n 1 "$cache/tokens.tsv" | cut -f1)）：200，本页 $(python3 -c 'import json, sys; print(len(json.load(open(sys.argv[1]))["items"]))' "$work/first.json") 项任务"

export BENCH_LUA=$here BENCH_TOKEN=$token BENCH_JOBS=$work/jobs.tsv
# load NAME CLIENTS SCRIPT PATH: one wrk run; leaves its BENCH line in $work/NAME.out.
ticks=$(getconf CLK_TCK)
server_cpu() { awk '{ print $14 + $15 }' "/proc/$server_pid/stat"; }  # user + system ticks
load() {
  local threads=$(( $2 < 2 ? $2 : 2 )) before
  before=$(server_cpu)
  wrk -t "$threads" -c "$2" -d "${seconds}s" --timeout 10s --latency -s "$here/$3" "${base%/}$4" > "$work/$1.out" 2>&1 || true
  if ! grep -q '^BENCH ' "$work/$1.out"; then
    echo "wrk 没有完成 $1 的测量：" >&2
    cat "$work/$1.out" >&2
    exit 1
  fi
  echo "$(( $(server_cpu) - before ))" > "$work/$1.cpu"
}
field() { grep '^BENCH ' "$work/$1.out" | tr ' ' '\n' | sed -n "s/^$2=//p"; }
ms() { awk -v us="$1" 'BEGIN { printf "%.2f", us / 1000 }'; }
# The server's CPU time per request: what the wall-clock figures cost, whatever else runs here.
cpu_ms() { awk -v t="$(cat "$work/$1.cpu")" -v n="$(field "$1" requests)" -v hz="$ticks" 'BEGIN { printf "%.2f", 1000 * t / hz / n }'; }
rate() { awk -v n="$(field "$1" requests)" -v s="$(field "$1" seconds)" 'BEGIN { printf "%.1f", n / s }'; }

for c in 1 8 32; do load "get$c" "$c" list_tasks.lua /api/v1/tasks; done
baseline=$(python3 "$here/sqlite_baseline.py" "$work" "$seconds")
load progress "$clients" progress.lua /
stop_server

read -r reports_after events_after < <(counts)
acknowledged=$(( $(field progress requests) - $(field progress non2xx) ))
stored=$(( reports_after - reports_before ))
audited=$(( events_after - events_before ))

sqlite_rate=$(echo "$baseline" | tr ' ' '\n' | sed -n 's/^rate=//p')
sync_mode=$(echo "$baseline" | tr ' ' '\n' | sed -n 's/^synchronous=//p')
progress_rate=$(rate progress)
ratio=$(awk -v a="$progress_rate" -v b="$sqlite_rate" 'BEGIN { printf "%.0f", 100 * a / b }')
verdict() { if [ "$1" = 1 ]; then echo 达标; else echo 未达标; fi; }

echo
printf '%-34s %7s %9s %9s %9s  %-28s %s\n' scenario clients "p50 ms" "p99 ms" "req/s" target ratio/pass
for c in 1 8 32; do
  p99=$(field "get$c" p99_us) bad=$(( $(field "get$c" non2xx) + $(field "get$c" socket_errors) ))
  target=- pass=-
  if [ "$c" = 32 ]; then
    target="p99 <= 10 ms"
    pass=$(verdict "$(( p99 <= 10000 && bad == 0 ))")
  fi
  [ "$bad" = 0 ] || pass="$pass（$bad 个请求失败）"
  printf '%-34s %7s %9s %9s %9s  %-28s %s\n' "GET /api/v1/tasks" "$c" "$(ms "$(field "get$c" p50_us)")" \
    "$(ms "$p99")" "$(rate "get$c")" "$target" "$pass"
done
bad=$(( $(field progress non2xx) + $(field progress socket_errors) ))
pass="$ratio % $(verdict "$(( ratio >= 30 && bad == 0 ))")"
[ "$bad" = 0 ] || pass="$pass（$bad 个请求失败）"
printf '%-34s %7s %9s %9s %9s  %-28s %s\n' "POST /api/v1/tasks/{id}/progress" "$clients" \
  "$(ms "$(field progress p50_us)")" "$(ms "$(field progress p99_us)")" "$progress_rate" ">= 30 % of SQLite 1 writer" "$pass"
printf '%-34s %7s %9s %9s %9s  %-28s %s\n' "SQLite 1 writer, insert+commit" 1 - - "$sqlite_rate" \
  "baseline (WAL, sync=$sync_mode)" -
echo
echo "服务进程每个请求的 CPU 时间：GET（1/8/32 个客户端）$(cpu_ms get1)/$(cpu_ms get8)/$(cpu_ms get32) ms，进展报告 $(cpu_ms progress) ms。"
echo "进展报告：服务确认（2xx）$acknowledged 份，库中新增 $stored 份进展报告、$audited 条 task.progress 审计事件；服务收到 SIGTERM 后退出码 $server_status。"
if (( stored < acknowledged || audited != stored || server_status != 0 )); then
  echo "错误：确认的进展报告没有全部写入，或没有各自的审计事件，或服务没有正常退出。服务日志：$work/server.log" >&2
  exit 1
fi
if [ "$verify" = 1 ]; then
  "$patrol" audit verify --db "$db" > "$work/verify.out" || { cat "$work/verify.out" >&2; exit 1; }
  echo "patrol audit verify：$(sed ':a;N;$!ba;s/\n/；/g' "$work/verify.out")"
fi
