#!/usr/bin/env bash
# bench/exports.sh end to end on small data: for every plugin, patrol's findings and diagnostics
# on the files in GB18030 and on the files with every field quoted are the same as on the UTF-8
# ones, and the same as the Python peer's (timings not asserted).
# Usage: exports_smoke.sh BUILD_DIR WORK_DIR
set -euo pipefail
build=$1 work=$2
repo=$(cd "$(dirname "$0")/../.." && pwd)
rm -rf "$work"
out=$(PATROL_BUILD=$build BENCH_DIR=$work "$repo/bench/exports.sh" --rows 3000 --repeat 1)
echo "$out"
grep -q '^CPU: ' <<< "$out" || { echo "FAIL: no CPU line"; exit 1; }
row='[a-z_]+ +[0-9.]+MB \| +[0-9.]+ s \| +[0-9.]+ s +[0-9.]+ MB \| +[0-9.]+ s \| +[0-9.]+× +[0-9.]+× +[0-9.]+MB \| 是（[0-9]+ 条）$'
for form in gb18030 quoted; do
  same=$(grep -cE "^$form +$row" <<< "$out")
  [ "$same" -eq 3 ] || { echo "FAIL: expected 3 plugins alike in $form and UTF-8, got $same"; exit 1; }
done
# The data really was exported: a description in GB18030 is not UTF-8, and every field is quoted.
if iconv -f UTF-8 -t UTF-8 "$work/gb18030/four_styles/expenses.csv" > /dev/null 2>&1; then
  echo "FAIL: the four_styles expenses are still UTF-8"; exit 1
fi
[ "$(head -c 14 "$work/quoted/four_styles/expenses.csv")" = '"expense_id","' ] || { echo "FAIL: the quoted expenses are not quoted"; exit 1; }
if refused=$("$repo/bench/exports.sh" --profiles heavy 2>&1); then echo "FAIL: --profiles was accepted"; exit 1; fi
[ "$refused" = '用法：bench/exports.sh [--rows N] [--repeat R] [--plugins "four_styles ..."]' ] || { echo "FAIL: unexpected refusal: $refused"; exit 1; }
echo "ok"
