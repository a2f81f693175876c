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

# bench_patrol BUILD: sets patrol to BUILD/bin/patrol, or says how to build it and exits 2.
bench_patrol() {
  patrol=$1/bin/patrol
  if [ ! -x "$patrol" ]; then
    echo "找不到 $patrol：请先构建（cmake --build build），或用 PATROL_BUILD 指定构建目录。" >&2
    exit 2
  fi
}
