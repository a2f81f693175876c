#!/usr/bin/env bash
# bench/serve/run.sh end to end on a tiny database, so the benchmark cannot rot: it must build its
# data, start and stop the server, measure every scenario and print the whole table. Timings are
# never asserted (a shared test machine decides them), only that each row carries numbers.
# Usage: serve_smoke.sh BUILD_DIR WORK_DIR
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
work=$2
rm -rf "$work"
out=$(PATROL_BUILD=$1 BENCH_DATA=$work BENCH_UNITS=5 BENCH_TASKS=50 BENCH_SECONDS=1 BENCH_SERVER_THREADS=8 \
  "$repo/bench/serve/run.sh" 2>&1) || { echo "$out"; echo "run.sh failed"; exit 1; }
echo "$out"
fail() { echo "smoke: $1"; exit 1; }
number='[0-9]+(\.[0-9]+)?'
grep -Eq '^CPU: .+，[0-9]+ 核' <<< "$out" || fail "no CPU line"
grep -Eq '^scenario +clients +p50 ms +p99 ms +req/s +target +ratio/pass$' <<< "$out" || fail "no table header"
for c in 1 8 32; do
  grep -Eq "^GET /api/v1/tasks +$c +$number +$number +$number " <<< "$out" || fail "no GET row for $c clients"
done
grep -Eq "^POST /api/v1/tasks/\{id\}/progress +32 +$number +$number +$number +>= 30 % of SQLite 1 writer +[0-9]+ % (达标|未达标)$" \
  <<< "$out" || fail "no progress row with a ratio"
grep -Eq "^SQLite 1 writer, insert\+commit +1 +- +- +$number +baseline" <<< "$out" || fail "no SQLite baseline row"
grep -Eq "^服务进程每个请求的 CPU 时间：GET（1/8/32 个客户端）$number/$number/$number ms，进展报告 $number ms。$" <<< "$out" \
  || fail "no server CPU line"
# The reports the server acknowledged are stored, each with its audit event, and the chain verifies.
grep -Eq '^进展报告：服务确认（2xx）[1-9][0-9]* 份' <<< "$out" || fail "no acknowledged progress report"
grep -q '^patrol audit verify：审计日志完整' <<< "$out" || fail "audit verify did not pass"
echo "smoke: table printed"
