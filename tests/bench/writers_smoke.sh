#!/usr/bin/env bash
# bench/writers.sh end to end for a few seconds on a small ledger: every write succeeds and the
# audit chain verifies afterwards (timings are printed, never asserted).
# Usage: writers_smoke.sh BUILD_DIR WORK_DIR
set -euo pipefail
build=$1 work=$2
repo=$(cd "$(dirname "$0")/../.." && pwd)
rm -rf "$work"
out=$(PATROL_BUILD=$build BENCH_DIR=$work "$repo/bench/writers.sh" --seconds 4 --rows 3000)
echo "$out"
grep -q '^CPU: ' <<< "$out" || { echo "FAIL: no CPU line"; exit 1; }
ok=$(sed -n 's/^successes: //p' <<< "$out")
failed=$(sed -n 's/^failures: //p' <<< "$out")
[ -n "$ok" ] && [ "$ok" -gt 0 ] || { echo "FAIL: no successful write"; exit 1; }
[ "$failed" = 0 ] || { echo "FAIL: $failed writes failed"; exit 1; }
# Every kind of writer wrote at least once.
for kind in check progress add confirm dismiss escalate; do
  grep -qE "^$kind +[1-9]" <<< "$out" || { echo "FAIL: no successful $kind write"; exit 1; }
done
grep -q '^audit verify: exit 0: ' <<< "$out" || { echo "FAIL: audit verify"; exit 1; }
echo "ok"
