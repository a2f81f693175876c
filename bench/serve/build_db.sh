#!/usr/bin/env bash
# Builds the serve benchmark's database: UNITS units, TASKS planned rectification tasks in a round
# at the rectifying stage, and one unit contact (with an API token) for each of the first USERS
# units. Usage: build_db.sh PATROL_BUILD OUT_DIR UNITS TASKS USERS
#
# Route: everything goes through patrol itself, so the audit chain is the one real use writes.
# The CLI does what it can do in bulk: `unit import` (one CSV), `check --round` (one suspected
# finding per generated gift expense, FS-04), `finding confirm --round --yes` (one transaction)
# and `round advance --to fed_back` (one task per confirmed finding). Only planning has no bulk
# command; patrol-bench-plan calls the same planTask use case for every task in one transaction
# instead of 50,000 `task plan` runs. Writing rows with SQL was rejected: every row would then
# need an audit event whose row state matches byte for byte, which only patrol's code produces.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=$1 out=$2 units=$3 tasks=$4 users=$5
patrol=$build/bin/patrol
rm -rf "$out" && mkdir -p "$out"
export PATROL_DB=$out/patrol.db
unset PATROL_USER PATROL_CONFIG PATROL_TODAY PATROL_DATA
step() { printf '  %-44s' "$1" >&2; }
done_in() { echo "$(( $(date +%s%N) / 1000000 - $1 )) ms" >&2; }
now() { echo $(( $(date +%s%N) / 1000000 )); }

t=$(now); step "generating $units units, $tasks gift expenses"
python3 "$here/make_data.py" "$out/data" "$units" "$tasks"; done_in "$t"
t=$(now); step "init, unit import, round, team"
"$patrol" init > /dev/null
"$patrol" unit import "$out/data/units.csv" > /dev/null
"$patrol" user add --name 基准组长 --role inspector > /dev/null
today=$(date -u +%F)
"$patrol" round create --code BENCH --title 服务基准测试轮次 --kind regular --start "$(date -u -d "$today -90 days" +%F)" \
  --end "$today" --plugins four_styles > /dev/null
mapfile -t codes < <(tail -n +2 "$out/data/units.csv" | cut -d, -f1)
"$patrol" round target --round BENCH --unit "${codes[@]}" > /dev/null
"$patrol" round team --round BENCH --member 基准组长 --leader 基准组长 > /dev/null
"$patrol" round advance --round BENCH --to onsite > /dev/null; done_in "$t"
t=$(now); step "check --round (one finding per expense)"
"$patrol" check --plugin four_styles --data "$out/data/four_styles" --round BENCH --format table > /dev/null 2> "$out/check.err"
done_in "$t"
t=$(now); step "finding confirm --round --yes"
"$patrol" finding confirm --round BENCH --yes > /dev/null; done_in "$t"
t=$(now); step "round advance to fed_back (creates tasks)"
"$patrol" round advance --round BENCH --to reported > /dev/null
"$patrol" round advance --round BENCH --to fed_back > /dev/null
"$patrol" round advance --round BENCH --to rectifying > /dev/null; done_in "$t"
t=$(now); step "patrol-bench-plan (plans every task)"
"$build/bin/patrol-bench-plan" "$PATROL_DB" BENCH "退还礼品礼金，修订公务接待和礼品管理制度" 李明 王强 > /dev/null
done_in "$t"
t=$(now); step "user add for $users unit contacts"
: > "$out/tokens.tsv"
for ((n = 0; n < users; n++)); do
  code=${codes[n]}
  token=$("$patrol" user add --name "联系人$code" --role unit --unit "$code" | tail -n 1)
  printf '%s\t%s\n' "$code" "$token" >> "$out/tokens.tsv"
done; done_in "$t"
t=$(now); step "audit verify"
"$patrol" audit verify > "$out/verify.out"; done_in "$t"
