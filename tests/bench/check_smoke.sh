#!/usr/bin/env bash
# bench/run.sh end to end on small data of both profiles: every plugin's findings must be the
# same for patrol and both peers; the recording and escalate parts run on a few thousand rows and
# a small county, the same data is read by a plugin that checks nothing (reading alone), and
# every target's verdict is in the block at the end (timings not asserted).
# Usage: check_smoke.sh BUILD_DIR WORK_DIR
set -euo pipefail
build=$1 work=$2
repo=$(cd "$(dirname "$0")/../.." && pwd)
rm -rf "$work"
out=$(PATROL_BUILD=$build BENCH_DIR=$work BENCH_DATA=$work/county BENCH_UNITS=5 BENCH_TASKS=60 \
  "$repo/bench/run.sh" --rows 3000 --repeat 1)
echo "$out"
rows=$(grep -cE '^(usual|heavy) +[a-z_]+ +[0-9]+ ' <<< "$out")
reading=$(grep -cE '^(usual|heavy) +[a-z_]+ +\| +[0-9]+\.[0-9]{3} s +[0-9.]+ MB \| +[0-9]+\.[0-9]{3} s \| +[0-9]+ % \| +[0-9]+\.[0-9]{3} s \| +[0-9]+ %$' <<< "$out")
same=$(grep -cE '^(usual|heavy) .*\| 是（[0-9]+ 条）$' <<< "$out")
verdicts=$(grep -cE '^  (usual|heavy) [a-z_]+：' <<< "$out")
grep -q '^CPU: ' <<< "$out" || { echo "FAIL: no CPU line"; exit 1; }
# Machines that print the same model name may differ in kind, so the numbers go with it.
family=$(awk -F': *' '$1 ~ /^cpu family/ { print $2; exit }' /proc/cpuinfo)
if [ -n "$family" ]; then
  grep -Eq "^CPU: .+ \(family $family, model [0-9]+\), [0-9]+ 核 / cores\$" <<< "$out" || { echo "FAIL: CPU line without family $family"; exit 1; }
fi
grep -Eq '^新内存页首次写入 / first write to a fresh 4 KiB page: [0-9]+\.[0-9]{2} µs$' <<< "$out" || { echo "FAIL: no page cost line"; exit 1; }
# Where the machine hands free memory back to its host, both memory lines give figures; elsewhere
# the header says it does not and the run's line is left out.
if [ -r /sys/module/page_reporting/parameters/reported_kib ]; then
  grep -Eq '^本机已运行 [0-9]+ 分钟，已把 [0-9]+ MiB 空闲内存交还宿主 / up [0-9]+ min, [0-9]+ MiB of free memory handed back to the host$' <<< "$out" ||
    { echo "FAIL: no host memory line"; exit 1; }
  grep -Eq '^运行期间交还宿主的空闲内存 / free memory handed back to the host during the run: [0-9]+ MiB$' <<< "$out" ||
    { echo "FAIL: no line of memory handed back during the run"; exit 1; }
else
  grep -Eq '^本机已运行 [0-9]+ 分钟，空闲内存不交还宿主 / up [0-9]+ min, free memory is not handed back to the host$' <<< "$out" ||
    { echo "FAIL: no host memory line"; exit 1; }
  if grep -q '^运行期间交还宿主' <<< "$out"; then echo "FAIL: a during-the-run line without page reporting"; exit 1; fi
fi
[ "$rows" -eq 6 ] || { echo "FAIL: expected 6 table rows, got $rows"; exit 1; }
[ "$reading" -eq 6 ] || { echo "FAIL: expected 6 rows of reading alone, got $reading"; exit 1; }
[ "$same" -eq 6 ] || { echo "FAIL: patrol and the peers disagree on $((6 - same)) of 6"; exit 1; }
[ "$verdicts" -eq 6 ] || { echo "FAIL: expected 6 target verdicts, got $verdicts"; exit 1; }
# The recording's four targets and the four timed commands of escalate, each with its verdict.
recorded=$(grep -cE '^  record：.* — (达成 / met|未达成 / not met)$' <<< "$out")
escalated=$(grep -cE '^  escalate：.*：≤ 1 s (met|not met)$' <<< "$out")
[ "$recorded" -eq 4 ] || { echo "FAIL: expected 4 recording verdicts, got $recorded"; exit 1; }
[ "$escalated" -eq 4 ] || { echo "FAIL: expected 4 escalate verdicts, got $escalated"; exit 1; }
grep -q '^audit verify: ' <<< "$out" || { echo "FAIL: escalate's audit verify line missing"; exit 1; }
# The heavy profile must really be findings-heavy: at least a quarter of the rows are findings.
while read -r profile plugin data_rows findings; do
  [ $((findings * 4)) -ge "$data_rows" ] || { echo "FAIL: heavy $plugin: only $findings findings in $data_rows rows"; exit 1; }
done < <(sed -nE 's/^(heavy) +([a-z_]+) +([0-9]+) .*是（([0-9]+) 条）$/\1 \2 \3 \4/p' <<< "$out")
# With --memory cold every run first has the memory used lately held (at most 256 MiB here, so
# that the test holds little on any machine); the table is the same, and a mode it does not know
# is refused.
# The recording part takes the same mode: its own cold line, and its four verdicts.
cold=$(PATROL_BUILD=$build BENCH_DIR=$work BENCH_COLD_MAX_MIB=256 "$repo/bench/run.sh" --rows 3000 --repeat 2 \
  --parts "check record" --plugins four_styles --profiles usual --memory cold 2>&1)
echo "$cold"
[ "$(grep -c "^内存 / memory: cold — " <<< "$cold")" -eq 2 ] || { echo "FAIL: expected a cold memory line for each part"; exit 1; }
grep -Eq '^usual +four_styles .*\| 是（[0-9]+ 条）$' <<< "$cold" || { echo "FAIL: cold run's table row missing"; exit 1; }
[ "$(grep -cE '^  record：.* — (达成 / met|未达成 / not met)$' <<< "$cold")" -eq 4 ] || { echo "FAIL: expected 4 cold recording verdicts"; exit 1; }
if refused=$("$repo/bench/record.sh" --memory hot 2>&1); then echo "FAIL: record.sh --memory hot was accepted"; exit 1; fi
[ "$refused" = '未知的内存方式 hot；可选 warm、cold。用法：bench/record.sh [--rows N] [--repeat N] [--memory warm|cold]' ] ||
  { echo "FAIL: unexpected refusal: $refused"; exit 1; }
# The probe of the cold method prints one line for one writer and one for two, and refuses a
# round count that is not a positive number.
probe=$(BENCH_COLD_MAX_MIB=256 python3 "$repo/bench/cold_pages.py" 1)
echo "$probe"
grep -Eq '^1 个进程 / process\(es\): .*wall clock per page [0-9.]+ µs' <<< "$probe" || { echo "FAIL: no line for one writer"; exit 1; }
grep -Eq '^2 个进程 / process\(es\): .*各进程自己每页 / each writer.s own [0-9.]+ µs$' <<< "$probe" || { echo "FAIL: no line for two writers"; exit 1; }
if refused=$(python3 "$repo/bench/cold_pages.py" 0 2>&1); then echo "FAIL: 0 rounds accepted"; exit 1; fi
[ "$refused" = "用法：bench/cold_pages.py [轮数]，轮数为正整数（默认 3），实际为 '0'。" ] || { echo "FAIL: unexpected refusal: $refused"; exit 1; }
if bounded=$(BENCH_MEMORY=cold BENCH_COLD_MAX_MIB=lots python3 "$repo/bench/measure.py" 1 "$work/x.out" "$work/x.err" -- true 2>&1); then
  echo "FAIL: BENCH_COLD_MAX_MIB=lots was accepted"; exit 1
fi
[ "$bounded" = "BENCH_COLD_MAX_MIB 应为正整数（MiB），实际为 'lots'。请改正或不设置它。" ] || { echo "FAIL: unexpected refusal: $bounded"; exit 1; }
# Several commands run in rounds, each once a round in the order given, one line each; a group
# without its output files or its "--" is refused with the usage.
log=$work/rounds.log
rm -f "$log"
rounds=$(python3 "$repo/bench/measure.py" 3 "$work/a.out" "$work/a.err" -- sh -c "echo a >> $log" \
  --- "$work/b.out" "$work/b.err" -- sh -c "echo b >> $log")
[ "$(tr '\n' ' ' < "$log")" = "a b a b a b " ] || { echo "FAIL: runs not in rounds: $(tr '\n' ' ' < "$log")"; exit 1; }
[ "$(grep -cE '^[0-9]+\.[0-9]{4} [0-9]+\.[0-9]{4} [0-9]+$' <<< "$rounds")" -eq 2 ] || { echo "FAIL: expected 2 result lines: $rounds"; exit 1; }
if refused=$(python3 "$repo/bench/measure.py" 1 "$work/a.out" "$work/a.err" -- true --- "$work/b.out" -- true 2>&1); then
  echo "FAIL: a group without its error file was accepted"; exit 1
fi
[ "$refused" = "第 2 条命令应写作「输出文件 错误输出文件 -- 命令…」，实际为「$work/b.out -- true」。用法：measure.py 次数 输出文件 错误输出文件 -- 命令… [--- 输出文件 错误输出文件 -- 命令…]…" ] ||
  { echo "FAIL: unexpected refusal: $refused"; exit 1; }
# A count that is not a positive whole number is refused before any data is generated.
if refused=$(BENCH_DIR=$work/never "$repo/bench/run.sh" --repeat 0 2>&1); then echo "FAIL: --repeat 0 was accepted"; exit 1; fi
[ "$refused" = '--repeat 应为正整数，实际为 '"'0'"'。用法：bench/run.sh [--rows N] [--repeat R] [--plugins "four_styles ..."] [--profiles "usual heavy"] [--parts "check record escalate"] [--memory warm|cold]' ] ||
  { echo "FAIL: unexpected refusal: $refused"; exit 1; }
[ ! -e "$work/never" ] || { echo "FAIL: --repeat 0 left $work/never behind"; exit 1; }
if refused=$("$repo/bench/run.sh" --memory hot 2>&1); then echo "FAIL: --memory hot was accepted"; exit 1; fi
[ "$refused" = '未知的内存方式 hot；可选 warm、cold。用法：bench/run.sh [--rows N] [--repeat R] [--plugins "four_styles ..."] [--profiles "usual heavy"] [--parts "check record escalate"] [--memory warm|cold]' ] ||
  { echo "FAIL: unexpected refusal: $refused"; exit 1; }
echo "ok"
