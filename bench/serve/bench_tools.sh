# Sourced by the benches that run on the serve benchmark's database (bench/serve, bench/web,
# bench/report): one place that says what they need and on what machine they ran.

# serve_bench_settings REPO: what these benches read from the environment, with their defaults:
# build (PATROL_BUILD) and patrol in it, units and tasks (BENCH_UNITS/TASKS), repeat (BENCH_REPEAT)
# and data (BENCH_DATA: where the database is cached, shared by all of them).
serve_bench_settings() {
  build=${PATROL_BUILD:-$1/build}
  patrol=$build/bin/patrol
  units=${BENCH_UNITS:-500} tasks=${BENCH_TASKS:-50000} repeat=${BENCH_REPEAT:-3}
  data=${BENCH_DATA:-$1/bench/serve/.data}
}

# serve_county_cache: prints the folder of the cached database for $units and $tasks, built when
# missing, with one unit contact per unit up to 32 (bench/serve/cached_db.sh).
serve_county_cache() {
  "$(dirname "${BASH_SOURCE[0]}")/cached_db.sh" "$build" "$data" "$units" "$tasks" "$(( units < 32 ? units : 32 ))"
}

# require_patrol_tools BUILD [wrk]: the executables the cached database is built with, and wrk
# when the bench sends HTTP load.
require_patrol_tools() {
  local build=$1 tool
  for tool in "$build/bin/patrol" "$build/bin/patrol-bench-plan"; do
    if [ ! -x "$tool" ]; then
      echo "找不到 $tool：请先构建（cmake --build build --target patrol patrol-bench-plan four_styles），或用 PATROL_BUILD 指定构建目录。" >&2
      exit 2
    fi
  done
  if [ "${2:-}" = wrk ] && ! command -v wrk > /dev/null; then
    echo "找不到 wrk：请安装 Debian 的 wrk 软件包（apt-get install wrk，./dev.sh 会自动安装）。" >&2
    exit 2
  fi
}

. "$(dirname "${BASH_SOURCE[0]}")/../options.sh"  # cpu_name

# print_machine: the CPU model, core count and load, printed before every table.
print_machine() {
  echo "CPU: $(cpu_name)，$(nproc) 核；负载 $(cut -d' ' -f1-3 /proc/loadavg)"
}

# wait_for_server LOG PID: the address `patrol serve` prints on its start line, once it listens;
# exits with the server's log when it stopped or never said where it listens (60 s).
wait_for_server() {
  local log=$1 pid=$2 base= _
  for _ in $(seq 1 600); do
    base=$(grep -o -m1 'http://127\.0\.0\.1:[0-9]*/' "$log" || true)
    [ -n "$base" ] && break
    kill -0 "$pid" 2> /dev/null || break
    sleep 0.1
  done
  if [ -z "$base" ]; then
    echo "patrol serve 没有启动，日志如下：" >&2
    cat "$log" >&2
    exit 1
  fi
  echo "$base"
}

# start_patrol_server LOG ARGS...: `$patrol serve ARGS --port 0` in the background with its stderr
# in LOG, stopped (SIGTERM) when the script exits; sets server_pid, and base to its address.
start_patrol_server() {
  local log=$1
  shift
  server_pid=
  trap stop_patrol_server EXIT
  "$patrol" serve "$@" --port 0 2> "$log" &
  server_pid=$!
  base=$(wait_for_server "$log" "$server_pid")
}

stop_patrol_server() {
  [ -z "${server_pid:-}" ] || { kill -TERM "$server_pid" 2> /dev/null; wait "$server_pid" 2> /dev/null || true; server_pid=; }
}
