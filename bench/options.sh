# Sourced by the bench scripts for what they all do first.
#
# bench_options USAGE NAME... -- "$@": each `--NAME VALUE` sets the shell variable NAME (the caller
# sets the defaults beforehand); any other argument, or an option without its value, prints USAGE
# and exits 2.
bench_options() {
  local usage=$1 names=() name known
  shift
  while [ "$1" != -- ]; do names+=("$1"); shift; done
  shift
  while [ $# -gt 0 ]; do
    known=
    for name in "${names[@]}"; do [ "$1" = "--$name" ] && known=$name; done
    if [ -z "$known" ] || [ $# -lt 2 ]; then
      echo "用法：$usage" >&2
      exit 2
    fi
    printf -v "$known" '%s' "$2"
    shift 2
  done
}

# bench_counts USAGE NAME...: each named option (already set by bench_options) must be a positive
# whole number, such as --rows and --repeat; otherwise says which one, what it was, and exits 2
# before any data is generated.
bench_counts() {
  local usage=$1 name
  shift
  for name in "$@"; do
    if ! [[ ${!name} =~ ^[1-9][0-9]*$ ]]; then
      echo "--$name 应为正整数，实际为 '${!name}'。用法：$usage" >&2
      exit 2
    fi
  done
}

# bench_patrol BUILD: sets patrol to BUILD/bin/patrol, or says how to build it and exits 2.
bench_patrol() {
  patrol=$1/bin/patrol
  if [ ! -x "$patrol" ]; then
    echo "找不到 $patrol：请先构建（cmake --build build），或用 PATROL_BUILD 指定构建目录。" >&2
    exit 2
  fi
}

# bench_generated DIR PLUGIN PROFILE ROWS: DIR holds bench/generate.py's files for PLUGIN, PROFILE
# and ROWS, made again only when its stamp (those and the generator's digest) says otherwise.
bench_generated() {
  local dir=$1 plugin=$2 profile=$3 rows=$4 stamp
  stamp="rows=$rows profile=$profile $(sha1sum "$here/generate.py" | cut -c1-12)"
  [ "$(cat "$dir/.stamp" 2>/dev/null)" = "$stamp" ] && return 0
  rm -rf "$dir" && mkdir -p "$dir"
  python3 "$here/generate.py" "$plugin" "$dir" --rows "$rows" --profile "$profile"
  echo "$stamp" > "$dir/.stamp"
}

# print_memory_mode MODE: with cold, the line saying every time was taken on memory not used
# lately (bench/cold_memory.py) and is a median.
print_memory_mode() {
  if [ "$1" = cold ]; then
    echo "内存 / memory: cold — 每次运行前占住本机近来用过的内存，各程序都在久未使用的内存上运行，时间取中位数 / every run on memory not used lately, times are medians"
  fi
}

# cpu_name: the CPU's model name with its family and model numbers. Two virtual machines may both
# call themselves "AMD EPYC" and differ in kind: a fresh page cost 2.7 µs on family 25 and
# 12-22 µs on family 26 (bench/README.md, "A second AMD EPYC machine").
cpu_name() {
  awk -F': *' '$1 ~ /^model name/ && !n { n = $2 } $1 ~ /^cpu family/ && !f { f = $2 } $1 ~ /^model[[:space:]]*$/ && !m { m = $2 }
    END { printf "%s", n; if (f != "") printf " (family %s, model %s)", f, m }' /proc/cpuinfo
}

# print_cpu: the CPU model and core count, the first line of every table; targets hold "on any
# machine of this kind", so a figure is read with the machine it came from.
print_cpu() { echo "CPU: $(cpu_name), $(nproc) 核 / cores"; }

# Free memory a virtual machine hands back to its host (page_reporting) costs a fault on the host
# when it is taken again, several times what a page the guest kept costs: the same command runs
# slower right after a large job has freed its memory, or on a machine started a moment ago.
# host_memory_kib: KiB handed back since the machine started, empty where nothing is handed back.
host_memory_kib() { cat /sys/module/page_reporting/parameters/reported_kib 2>/dev/null || true; }

# print_host_memory: one line for the header of a table, how long the machine has run and how much
# free memory it has handed back.
print_host_memory() {
  local up kib
  up=$(awk '{ printf "%d", $1 / 60 }' /proc/uptime)
  kib=$(host_memory_kib)
  if [ -n "$kib" ]; then
    echo "本机已运行 $up 分钟，已把 $((kib / 1024)) MiB 空闲内存交还宿主 / up $up min, $((kib / 1024)) MiB of free memory handed back to the host"
  else
    echo "本机已运行 $up 分钟，空闲内存不交还宿主 / up $up min, free memory is not handed back to the host"
  fi
}

# print_host_memory_since KIB: after the run, how much was handed back during it.
print_host_memory_since() {
  local kib
  kib=$(host_memory_kib)
  [ -n "$kib" ] && [ -n "$1" ] && echo "运行期间交还宿主的空闲内存 / free memory handed back to the host during the run: $(((kib - $1) / 1024)) MiB"
  return 0
}
