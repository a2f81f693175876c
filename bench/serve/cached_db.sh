#!/usr/bin/env bash
# Prints the folder of the benchmark database for UNITS units and TASKS tasks (patrol.db and
# tokens.tsv inside), building it with build_db.sh only when it is missing or was built by other
# scripts or another schema. Shared by bench/serve/run.sh and bench/web/run.sh.
# Usage: cached_db.sh PATROL_BUILD DATA_DIR UNITS TASKS USERS
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=$1 data=$2 units=$3 tasks=$4 users=$5
# A newer schema (e.g. v4's token look-ups) makes a new database: an upgraded old one would
# measure the upgrade path (legacy tokens compared one by one), not what a new county gets.
schema=$(ls "$here"/../../core/store/schema_v*.cpp | sort -V | tail -n 1 | xargs basename)
stamp="units=$units tasks=$tasks users=$users $schema $(cat "$here/make_data.py" "$here/build_db.sh" "$here/plan_tasks.cpp" | sha1sum | cut -c1-12)"
cache=$data/u$units-t$tasks
if [ "$(cat "$cache/.stamp" 2> /dev/null)" != "$stamp" ]; then
  echo "生成数据库（只在缓存缺失或过期时）：$cache" >&2
  "$here/build_db.sh" "$build" "$cache" "$units" "$tasks" "$users"
  echo "$stamp" > "$cache/.stamp"
fi
echo "$cache"
