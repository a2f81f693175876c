# Sourced by the benches that run on the serve benchmark's database (bench/serve, bench/web,
# bench/report): one place that says what they need and on what machine they ran.

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

# print_machine: the CPU model, core count and load, printed before every table.
print_machine() {
  echo "CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')，$(nproc) 核；负载 $(cut -d' ' -f1-3 /proc/loadavg)"
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
