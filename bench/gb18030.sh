#!/usr/bin/env bash
# Ledgers exported by Excel on Chinese Windows come in GB18030. The usual profile's data of each
# plugin, converted to GB18030 with iconv, checked by patrol and by the Python peer (the sqlite3
# peer does not decode GB18030): patrol's findings and diagnostics must be the same as on the
# UTF-8 files, and its time is printed beside its time on those and against the Python peer's.
#
# Usage: bench/gb18030.sh [--rows N] [--repeat R] [--plugins "four_styles ..."]
#   PATROL_BUILD  build folder holding bin/patrol (default: <repo>/build)
#   BENCH_DIR     where the data and outputs go (default: /tmp/patrol-bench; the usual profile's
#                 data there is used when bench/run.sh made it with the same --rows)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(dirname "$here")
build=${PATROL_BUILD:-$repo/build}
work=${BENCH_DIR:-/tmp/patrol-bench}
rows=750000 repeat=3 plugins="four_styles poverty_alleviation business_environment" as_of=2025-12-31
. "$here/options.sh"
usage='bench/gb18030.sh [--rows N] [--repeat R] [--plugins "four_styles ..."]'
bench_options "$usage" rows repeat plugins -- "$@"
bench_counts "$usage" rows repeat
bench_patrol "$build"

# best NAME OUT -- command...: the best wall-clock time of $repeat runs (measure.py).
best() {
  local name=$1 out=$2; shift 3
  python3 "$here/measure.py" "$repeat" "$out" "$dir/$name.err" -- "$@" > "$dir/$name.result"
  cut -d' ' -f1 "$dir/$name.result"
}

print_cpu
printf '%-22s %8s | %10s | %12s | %12s | %8s %9s | %s\n' plugin "GB18030" "patrol UTF-8" "patrol GB18030" "python GB18030" "GB/UTF-8" "×python" "same findings"
for plugin in $plugins; do
  utf8=$work/usual/$plugin dir=$work/gb18030/$plugin
  bench_generated "$utf8" "$plugin" usual "$rows"
  # Converted again whenever the UTF-8 files were made again.
  stamp=$(cat "$utf8/.stamp")
  if [ "$(cat "$dir/.stamp" 2>/dev/null)" != "$stamp" ]; then
    rm -rf "$dir" && mkdir -p "$dir"
    for csv in "$utf8"/*.csv; do iconv -f UTF-8 -t GB18030 "$csv" > "$dir/$(basename "$csv")"; done
    cp "$utf8/calendar.json" "$dir/"
    echo "$stamp" > "$dir/.stamp"
  fi
  u_s=$(best patrol-utf8 "$dir/utf8.jsonl" -- "$patrol" check --plugin "$plugin" --data "$utf8" --as-of "$as_of" \
    --calendar "$utf8/calendar.json" --format jsonl)
  g_s=$(best patrol "$dir/patrol.jsonl" -- "$patrol" check --plugin "$plugin" --data "$dir" --as-of "$as_of" \
    --calendar "$dir/calendar.json" --format jsonl)
  y_s=$(best python "$dir/python.tsv" -- python3 "$here/peer_python.py" "$plugin" "$dir" "$as_of" "$dir/calendar.json")
  same="是（$(wc -l < "$dir/patrol.jsonl") 条）"
  # The same findings, byte for byte, and the same diagnostics but for the folder's name.
  if ! cmp -s "$dir/utf8.jsonl" "$dir/patrol.jsonl"; then
    same="否：与 UTF-8 文件的结果不同，见 diff $dir/utf8.jsonl $dir/patrol.jsonl"
  elif ! diff -q <(sed "s#$utf8#DATA#g" "$dir/patrol-utf8.err") <(sed "s#$dir#DATA#g" "$dir/patrol.err") > /dev/null; then
    same="否：stderr 与 UTF-8 文件的不同，见 $dir/patrol-utf8.err 与 $dir/patrol.err"
  elif ! cmp -s <(python3 "$here/normalize.py" < "$dir/patrol.jsonl" | LC_ALL=C sort) <(LC_ALL=C sort "$dir/python.tsv"); then
    same="否：与 python 不同，见 $dir/python.tsv"
  fi
  awk -v plugin="$plugin" -v bytes="$(cat "$dir"/*.csv | wc -c)" -v u="$u_s" -v g="$g_s" -v y="$y_s" -v same="$same" 'BEGIN {
    printf "%-22s %6.1fMB | %10.3f s | %12.3f s | %12.3f s | %7.2f× %8.1f× | %s\n", plugin, bytes / 1048576, u, g, y, g / u, y / g, same
  }'
done
