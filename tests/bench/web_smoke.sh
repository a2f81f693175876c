#!/usr/bin/env bash
# bench/web/run.sh end to end on a tiny database, so the page budget bench cannot rot: it must
# sign in as every role, fetch every page with 200 and print a full row for each. Timings are
# never asserted (a shared test machine decides them), only that each row carries numbers.
# Usage: web_smoke.sh BUILD_DIR WORK_DIR
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
work=$2
rm -rf "$work"
out=$(PATROL_BUILD=$1 BENCH_DATA=$work BENCH_UNITS=5 BENCH_TASKS=50 BENCH_SECONDS=1 "$repo/bench/web/run.sh" 2>&1) \
  || { echo "$out"; echo "run.sh failed"; exit 1; }
echo "$out"
fail() { echo "smoke: $1"; exit 1; }
number='[0-9]+\.[0-9]+'
grep -Eq '^CPU: .+，[0-9]+ 核；负载 ' <<< "$out" || fail "no CPU line"
grep -Eq '^role +page +p50 ms +p99 ms +cpu ms +HTML KB +CSS/JS KB +target +pass$' <<< "$out" || fail "no table header"
row() { grep -Eq "^$1 +$2 +$number +$number +$number +$number +$number +p99<=20ms,<=100KB +(达标|未达标)$" <<< "$out" \
  || fail "no row for $1 $2"; }
row unit /tasks; row unit '/tasks/[0-9]+'
for page in /rounds /rounds/BENCH /rounds/BENCH/review /tasks '/tasks/[0-9]+' '/findings/[0-9]+' /rounds/BENCH/findings/new; do
  row inspector "$page"
done
for page in /dashboard /tasks /extensions /rounds; do row leader "$page"; done
for page in /users /rounds /tasks; do row admin "$page"; done
grep -Eq '^16 个页面，[0-9]+ 个达标，[0-9]+ 个未达标；' <<< "$out" || fail "no summary line"
# The dashboard's own script counts, Chart.js does not.
grep -Eq '^CSS/JS 指页面自己引用的样式和脚本（dashboard\.js patrol\.css patrol\.js），不含 Chart\.js。$' <<< "$out" \
  || fail "asset list wrong"
echo "smoke: table printed"
