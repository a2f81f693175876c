#!/usr/bin/env bash
# bench/run.sh end to end on small data of both profiles: every plugin's findings must be the
# same for patrol and both peers, and the targets block must be printed (timings not asserted).
# Usage: check_smoke.sh BUILD_DIR WORK_DIR
set -euo pipefail
build=$1 work=$2
repo=$(cd "$(dirname "$0")/../.." && pwd)
rm -rf "$work"
out=$(PATROL_BUILD=$build BENCH_DIR=$work "$repo/bench/run.sh" --rows 3000 --repeat 1)
echo "$out"
rows=$(grep -cE '^(usual|heavy) ' <<< "$out")
same=$(grep -cE '^(usual|heavy) .*\| 是（[0-9]+ 条）$' <<< "$out")
verdicts=$(grep -cE '^  (usual|heavy) [a-z_]+：' <<< "$out")
grep -q '^CPU: ' <<< "$out" || { echo "FAIL: no CPU line"; exit 1; }
[ "$rows" -eq 6 ] || { echo "FAIL: expected 6 table rows, got $rows"; exit 1; }
[ "$same" -eq 6 ] || { echo "FAIL: patrol and the peers disagree on $((6 - same)) of 6"; exit 1; }
[ "$verdicts" -eq 6 ] || { echo "FAIL: expected 6 target verdicts, got $verdicts"; exit 1; }
# The heavy profile must really be findings-heavy: at least a quarter of the rows are findings.
while read -r profile plugin data_rows findings; do
  [ $((findings * 4)) -ge "$data_rows" ] || { echo "FAIL: heavy $plugin: only $findings findings in $data_rows rows"; exit 1; }
done < <(sed -nE 's/^(heavy) +([a-z_]+) +([0-9]+) .*是（([0-9]+) 条）$/\1 \2 \3 \4/p' <<< "$out")
echo "ok"
