#!/usr/bin/env bash
# Ledgers as units' software exports them. The usual profile's data of each plugin in two forms:
# converted to GB18030 with iconv (as Excel on Chinese Windows saves CSV), and with every field
# quoted and CRLF line ends (as exporters that quote all fields write it). Each is checked by
# patrol and by the Python peer (the sqlite3 peer does not decode GB18030): patrol's findings and
# diagnostics must be the same as on the UTF-8 files, and its time and peak memory are printed
# beside its time on those, against the Python peer's and against the memory goal (twice the
# input plus 100 bytes a finding).
#
# Usage: bench/exports.sh [--rows N] [--repeat R] [--plugins "four_styles ..."]
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
usage='bench/exports.sh [--rows N] [--repeat R] [--plugins "four_styles ..."]'
bench_options "$usage" rows repeat plugins -- "$@"
bench_counts "$usage" rows repeat
bench_patrol "$build"

# best NAME OUT -- command...: "seconds peak-KB", the best wall-clock time of $repeat runs and
# the peak memory (measure.py).
best() {
  local name=$1 out=$2; shift 3
  python3 "$here/measure.py" "$repeat" "$out" "$dir/$name.err" -- "$@" > "$dir/$name.result"
  cut -d' ' -f1,3 "$dir/$name.result"
}

# export FORM SOURCE DEST: SOURCE's CSV files written to DEST in FORM.
export_as() {
  local form=$1 source=$2 dest=$3 csv
  for csv in "$source"/*.csv; do
    case $form in
    gb18030) iconv -f UTF-8 -t GB18030 "$csv" > "$dest/$(basename "$csv")" ;;
    quoted) python3 -c '
import csv, sys
with open(sys.argv[1], newline="", encoding="utf-8") as i, open(sys.argv[2], "w", newline="", encoding="utf-8") as o:
    out = csv.writer(o, quoting=csv.QUOTE_ALL, lineterminator="\r\n")
    for row in csv.reader(i): out.writerow(row)' "$csv" "$dest/$(basename "$csv")" ;;
    esac
  done
}

print_cpu
printf '%-9s %-22s %8s | %10s | %-18s | %12s | %8s %9s %9s | %s\n' form plugin input "patrol UTF-8" "patrol s / MB" "python s" "/UTF-8" "×python" "mem goal" "same findings"
for form in gb18030 quoted; do
  for plugin in $plugins; do
    utf8=$work/usual/$plugin dir=$work/$form/$plugin
    bench_generated "$utf8" "$plugin" usual "$rows"
    # Made again whenever the UTF-8 files were made again.
    stamp=$(cat "$utf8/.stamp")
    if [ "$(cat "$dir/.stamp" 2>/dev/null)" != "$stamp" ]; then
      rm -rf "$dir" && mkdir -p "$dir"
      export_as "$form" "$utf8" "$dir"
      cp "$utf8/calendar.json" "$dir/"
      echo "$stamp" > "$dir/.stamp"
    fi
    read -r u_s _ < <(best patrol-utf8 "$dir/utf8.jsonl" -- "$patrol" check --plugin "$plugin" --data "$utf8" --as-of "$as_of" \
      --calendar "$utf8/calendar.json" --format jsonl)
    read -r g_s g_kb < <(best patrol "$dir/patrol.jsonl" -- "$patrol" check --plugin "$plugin" --data "$dir" --as-of "$as_of" \
      --calendar "$dir/calendar.json" --format jsonl)
    read -r y_s _ < <(best python "$dir/python.tsv" -- python3 "$here/peer_python.py" "$plugin" "$dir" "$as_of" "$dir/calendar.json")
    findings=$(wc -l < "$dir/patrol.jsonl")
    same="是（$findings 条）"
    # The same findings, byte for byte, and the same diagnostics but for the folder's name.
    if ! cmp -s "$dir/utf8.jsonl" "$dir/patrol.jsonl"; then
      same="否：与 UTF-8 文件的结果不同，见 diff $dir/utf8.jsonl $dir/patrol.jsonl"
    elif ! diff -q <(sed "s#$utf8#DATA#g" "$dir/patrol-utf8.err") <(sed "s#$dir#DATA#g" "$dir/patrol.err") > /dev/null; then
      same="否：stderr 与 UTF-8 文件的不同，见 $dir/patrol-utf8.err 与 $dir/patrol.err"
    elif ! cmp -s <(python3 "$here/normalize.py" < "$dir/patrol.jsonl" | LC_ALL=C sort) <(LC_ALL=C sort "$dir/python.tsv"); then
      same="否：与 python 不同，见 $dir/python.tsv"
    fi
    awk -v form="$form" -v plugin="$plugin" -v bytes="$(cat "$dir"/*.csv | wc -c)" -v u="$u_s" -v g="$g_s" -v kb="$g_kb" -v y="$y_s" \
      -v findings="$findings" -v same="$same" 'BEGIN {
      mb = 1048576; goal = 2 * bytes + 100 * findings
      printf "%-9s %-22s %6.1fMB | %10.3f s | %8.3f s %6.1f MB | %10.3f s | %7.2f× %8.1f× %7.1fMB | %s\n", form, plugin, bytes / mb, u, g,
        kb * 1024 / mb, y, g / u, y / g, goal / mb, same
    }'
  done
done
