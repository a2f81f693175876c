#!/usr/bin/env bash
# The dashboard's first view after a session refresh and after a record written by another process
# (after_write.py), on the database bench/web/run.sh left in BENCH_DATA/web-run (run it first).
# Usage: bench/web/after_write.sh   (PATROL_BUILD, BENCH_DATA as for run.sh)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
. "$repo/bench/serve/bench_tools.sh"
serve_bench_settings "$repo"
work=$data/web-run
require_patrol_tools "$build"
[ -f "$work/patrol.db" ] || { echo "先运行 bench/web/run.sh（需要 $work/patrol.db）" >&2; exit 1; }
print_machine
unit=$(head -n 1 "$data"/u*/tokens.tsv | head -n 1 | cut -f1)
start_patrol_server "$work/after_write.log" --db "$work/patrol.db"
python3 "$here/after_write.py" "${base%/}" 基准领导 Bench-Page-Budget-2026 "$work/patrol.db" "$build/bin/patrol" "$unit"
echo "测量后负载 $(cut -d' ' -f1-3 /proc/loadavg)。"
