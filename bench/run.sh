#!/usr/bin/env bash
# The scale benchmark in one command (issue 14), in three parts:
#   check     patrol and both peers (sqlite3 shell, plain Python) on the same generated data: checks
#             that all three find the same findings, prints times, peak memory and ratios; then the
#             same data read by a plugin with the same tables that checks nothing
#             (bench/reading_only): the time any plugin pays before its first rule. The four
#             commands run in --repeat rounds, each once a round, so that each one's runs are
#             seconds apart rather than one slow moment of the machine measured three times;
#   record    bench/record.sh: the heavy four_styles findings recorded into a round beside a
#             sqlite3-shell peer, then again with everything recorded (same --rows and --repeat);
#   escalate  bench/serve/escalate.sh: `task list` and `escalate` over 50,000 open tasks
#             (BENCH_UNITS/BENCH_TASKS/BENCH_DATA as there; --repeat runs of each command).
# Every target's verdict is repeated at the end, after the CPU model and core count.
#
# Usage: bench/run.sh [--rows N] [--repeat R] [--plugins "four_styles ..."] [--profiles "usual heavy"]
#                     [--parts "check record escalate"] [--memory warm|cold]
#   profiles: usual (a few percent of rows break a rule) and heavy (about half of them do);
#   both by default. Check targets: patrol ≥ 10× the sqlite3 peer on both profiles, ≥ 40× the
#   Python peer on the usual one, peak memory ≤ 2× the input + 100 bytes per finding.
#   memory (check and record parts; escalate always runs warm): warm (default) measures each
#   command with whatever memory the machine has used lately, best of --repeat; cold gives every
#   run of patrol and the peers memory the machine has not used lately, as on one freshly
#   started, where a fresh page costs several times more (bench/cold_memory.py), median of
#   --repeat.
#   PATROL_BUILD  build folder holding bin/patrol (default: <repo>/build)
#   BENCH_DIR     where the data and outputs go (default: /tmp/patrol-bench)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(dirname "$here")
build=${PATROL_BUILD:-$repo/build}
work=${BENCH_DIR:-/tmp/patrol-bench}
rows=750000 repeat=3 plugins="four_styles poverty_alleviation business_environment" as_of=2025-12-31
profiles="usual heavy" parts="check record escalate" memory=warm
. "$here/options.sh"
usage='bench/run.sh [--rows N] [--repeat R] [--plugins "four_styles ..."] [--profiles "usual heavy"] [--parts "check record escalate"] [--memory warm|cold]'
bench_options "$usage" rows repeat plugins profiles parts memory -- "$@"
bench_counts "$usage" rows repeat
for part in $parts; do
  case $part in check | record | escalate) ;; *) echo "未知的部分 $part；可选 check、record、escalate。用法：$usage" >&2; exit 2 ;; esac
done
case $memory in warm | cold) ;; *) echo "未知的内存方式 $memory；可选 warm、cold。用法：$usage" >&2; exit 2 ;; esac
has_part() { [[ " $parts " == *" $1 "* ]]; }
bench_patrol "$build"
# measure NAME OUT -- command... [--- NAME OUT -- command...]...: runs the commands in $repeat
# rounds, each once a round (measure.py: best and median wall-clock time to the millisecond, the
# largest peak resident set), into $dir/NAME.result. In rounds, a command's runs lie seconds
# apart, as independent of one another as the machine's slow moments allow.
measure() {
  local names=() args=() k
  while [ $# -gt 0 ]; do
    names+=("$1")
    args+=("$2" "$dir/$1.err" --)
    shift 3
    while [ $# -gt 0 ] && [ "$1" != --- ]; do args+=("$1"); shift; done
    if [ $# -gt 0 ]; then args+=(---); shift; fi
  done
  BENCH_MEMORY=$memory python3 "$here/measure.py" "$repeat" "${args[@]}" > "$dir/rounds.result"
  for k in "${!names[@]}"; do sed -n "$((k + 1))p" "$dir/rounds.result" > "$dir/${names[$k]}.result"; done
}

# seconds_of NAME SECONDS_VAR KIB_VAR: a command's time and peak memory from measure.py. Warm, the
# best run: the others lost time to the machine. Cold, the median: a run now and then still finds
# memory used lately, and its time says nothing of the cold case.
seconds_of() {
  local best median kib
  read -r best median kib < "$dir/$1.result"
  printf -v "$2" '%s' "$([ "$memory" = cold ] && echo "$median" || echo "$best")"
  printf -v "$3" '%s' "$kib"
}

print_cpu
# Machines of one kind differ most in what a fresh page of memory costs (bench/fault_cost.py).
echo "新内存页首次写入 / first write to a fresh 4 KiB page: $(python3 "$here/fault_cost.py")"
print_host_memory
handed_back_at_start=$(host_memory_kib)
print_memory_mode "$memory"
# reading_only_plugins: builds bench/reading_only against this build's SDK, installed under
# $work/sdk, and sets reading_config to a configuration naming the folder of its plugins.
reading_only_plugins() {
  local out=$work/reading_only
  mkdir -p "$out"
  if ! { cmake --install "$build" --prefix "$work/sdk" &&
         cmake -S "$here/reading_only" -B "$out/build" -G Ninja -DCMAKE_PREFIX_PATH="$work/sdk" -DPATROL_SOURCE="$repo" &&
         cmake --build "$out/build"; } > "$out/build.log" 2>&1; then
    echo "无法构建只读数据的插件（bench/reading_only），见 $out/build.log / the reading-only plugins did not build" >&2
    exit 1
  fi
  reading_config=$out/patrol.ini
  printf '[plugins]\nfolders = %s\n' "$out/build/plugins" > "$reading_config"
}

targets=() reading=()
if has_part check; then
  reading_only_plugins
  printf '%-6s %-22s %8s %8s | %-18s | %-18s | %-18s | %8s %8s %9s %9s | %s\n' profile plugin rows "input" "patrol s / MB" "sqlite3 s / MB" "python s / MB" "×sqlite3" "×python" "mem/input" "mem goal" "same findings"
  for profile in $profiles; do
  for plugin in $plugins; do
    dir=$work/$profile/$plugin
    bench_generated "$dir" "$plugin" "$profile" "$rows"
    input=$(cat "$dir"/*.csv | wc -c)
    data_rows=$(( $(cat "$dir"/*.csv | wc -l) - $(ls "$dir"/*.csv | wc -l) ))
    measure patrol "$dir/patrol.jsonl" -- "$patrol" check --plugin "$plugin" --data "$dir" --as-of "$as_of" \
      --calendar "$dir/calendar.json" --format jsonl \
      --- reading "$dir/reading.jsonl" -- "$patrol" --config "$reading_config" check --plugin "reading_$plugin" \
      --data "$dir" --as-of "$as_of" --calendar "$dir/calendar.json" --format jsonl \
      --- sqlite "$dir/sqlite.tsv" -- "$here/peer_sqlite.sh" "$plugin" "$dir" "$as_of" "$dir/calendar.json" \
      --- python "$dir/python.tsv" -- python3 "$here/peer_python.py" "$plugin" "$dir" "$as_of" "$dir/calendar.json"
    python3 "$here/normalize.py" < "$dir/patrol.jsonl" | LC_ALL=C sort > "$dir/patrol.tsv"
    LC_ALL=C sort -o "$dir/sqlite.tsv" "$dir/sqlite.tsv"
    LC_ALL=C sort -o "$dir/python.tsv" "$dir/python.tsv"
    same="是（$(wc -l < "$dir/patrol.tsv") 条）"
    for peer in sqlite python; do
      if ! cmp -s "$dir/patrol.tsv" "$dir/$peer.tsv"; then
        same="否：与 $peer 不同，见 diff $dir/patrol.tsv $dir/$peer.tsv"
      fi
    done
    seconds_of patrol p_s p_kb
    seconds_of sqlite s_s s_kb
    seconds_of python y_s y_kb
    seconds_of reading r_s r_kb
    if [ -s "$dir/reading.jsonl" ]; then
      echo "只读数据的插件 reading_$plugin 竟有输出，见 $dir/reading.jsonl / the reading-only plugin printed findings" >&2
      exit 1
    fi
    findings=$(wc -l < "$dir/patrol.tsv")
    # One line of the table, then the verdicts for this profile's targets (see the header).
    awk -v profile="$profile" -v plugin="$plugin" -v rows="$data_rows" -v input="$input" -v ps="$p_s" -v pk="$p_kb" \
        -v ss="$s_s" -v sk="$s_kb" -v ys="$y_s" -v yk="$y_kb" -v same="$same" -v findings="$findings" 'BEGIN {
      mb = 1048576; p = (ps > 0 ? ps : 0.0005); goal = 2 * input + 100 * findings
      printf "%-6s %-22s %8d %6.1fMB | %7.3f s %6.1f MB | %7.3f s %6.1f MB | %7.3f s %6.1f MB | %7.1f× %7.1f× %8.2f× %7.1fMB | %s\n",
        profile, plugin, rows, input / mb, ps, pk * 1024 / mb, ss, sk * 1024 / mb, ys, yk * 1024 / mb, ss / p, ys / p,
        pk * 1024 / input, goal / mb, same
    }'
    targets+=("$(awk -v profile="$profile" -v plugin="$plugin" -v ps="$p_s" -v pk="$p_kb" -v ss="$s_s" -v ys="$y_s" \
        -v input="$input" -v findings="$findings" 'BEGIN {
      p = (ps > 0 ? ps : 0.0005); goal = 2 * input + 100 * findings
      verdict = (ss / p >= 10 ? "达到" : "未达到") "（×sqlite3 ≥ 10）"
      if (profile == "usual") verdict = verdict "，" (ys / p >= 40 ? "达到" : "未达到") "（×python ≥ 40）"
      verdict = verdict "，" (pk * 1024 <= goal ? "达到" : "未达到") "（内存 ≤ 2×输入 + 100 B×问题数）"
      printf "%s %s：%s", profile, plugin, verdict
    }')")
    # What reading leaves the rules: the time the targets allow (×10 sqlite3, and on the usual
    # profile ×40 Python) against what reading alone took.
    reading+=("$(awk -v profile="$profile" -v plugin="$plugin" -v rs="$r_s" -v rk="$r_kb" -v ps="$p_s" -v ss="$s_s" \
        -v ys="$y_s" 'BEGIN {
      allowed = ss / 10
      if (profile == "usual" && ys / 40 < allowed) allowed = ys / 40
      printf "%-6s %-22s | %7.3f s %6.1f MB | %7.3f s | %7.0f %% | %7.3f s | %7.0f %%",
        profile, plugin, rs, rk / 1024, ps, 100 * rs / (ps > 0 ? ps : 0.0005), allowed, 100 * rs / allowed
    }')")
  done
  done
  echo
  echo "只读数据（同样的表，不跑规则）/ reading alone (a plugin with the same tables that checks nothing):"
  printf '%-6s %-22s | %-18s | %-9s | %-9s | %-9s | %s\n' profile plugin "reading s / MB" "check s" "of check" "allowed s" "of allowed"
  printf '%s\n' "${reading[@]}"
fi

# The other parts print their own tables; their verdict lines join the list at the end.
if has_part record; then
  echo
  echo "== 记录疑似问题 / recording (bench/record.sh) =="
  BENCH_DIR=$work/record "$here/record.sh" --rows "$rows" --repeat "$repeat" --memory "$memory" | tee "$work/record.out"
  while IFS= read -r line; do targets+=("record：${line#目标 }"); done < <(grep '^目标 ' "$work/record.out")
fi
if has_part escalate; then
  echo
  echo "== 预警与任务列表 / escalate and task list (bench/serve/escalate.sh) =="
  BENCH_REPEAT=$repeat "$here/serve/escalate.sh" | tee "$work/escalate.out"
  # Its rows end "label count walls cpus met|not met"; the label has spaces of its own.
  while IFS= read -r line; do targets+=("escalate：$line"); done < <(awk '/ (met|not met)$/ {
    verdict = $NF; n = NF - 1
    if ($n == "not") { verdict = "not met"; n-- }
    label = $1; for (i = 2; i < n - 2; i++) label = label " " $i
    printf "%s（%s 条，墙钟 %s s，CPU %s s）：≤ 1 s %s\n", label, $(n - 2), $(n - 1), $n, verdict
  }' "$work/escalate.out")
fi
print_host_memory_since "$handed_back_at_start"
echo
echo "目标 / targets:"
printf '  %s\n' "${targets[@]}"
