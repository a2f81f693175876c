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
