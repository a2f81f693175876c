#!/usr/bin/env bash
# Recording a findings-heavy check into a round: `patrol check --round` over the four_styles data
# of the heavy profile (about half the rows break a rule), timed beside a peer that inserts the same
# finding rows with the sqlite3 shell, in one transaction, into a copy of the same database (the
# same findings table, the same indexes). Then the same recording again (everything already
# recorded), the database's growth per finding (audit trail included) and the peak memory.
#
# Usage: bench/record.sh [--rows N] [--repeat N] [--memory warm|cold]
#   (default 758000 rows, warm, once)
#   memory: warm takes the best of --repeat runs on whatever memory the machine has used lately;
#   cold gives every run (patrol's and the peer's) memory the machine has not used lately
#   (bench/cold_memory.py), as on one freshly started, and takes the median. A heavy recording
#   allocates about 720 MiB of pages (its own memory, and in the page cache its temporary file of
#   finding texts, the write-ahead log and the database file), twice what the same dry run does.
#   PATROL_BUILD  build folder holding bin/patrol and the plugins (default: <repo>/build)
#   BENCH_DIR     where the data and databases go (default: /tmp/patrol-bench-record)
# Targets (issue 14): ≥ 50,000 findings/s recorded, ≥ 200,000/s re-recorded, ≤ 700 bytes of
# database per finding, peak memory ≤ 2 × input + 200 bytes per finding.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(dirname "$here")
build=${PATROL_BUILD:-$repo/build}
work=${BENCH_DIR:-/tmp/patrol-bench-record}
rows=758000 repeat=1 as_of=2025-12-31 memory=warm
. "$here/options.sh"
usage="bench/record.sh [--rows N] [--repeat N] [--memory warm|cold]"
bench_options "$usage" rows repeat memory -- "$@"
bench_counts "$usage" rows repeat
case $memory in warm | cold) ;; *) echo "未知的内存方式 $memory；可选 warm、cold。用法：$usage" >&2; exit 2 ;; esac
bench_patrol "$build"
mkdir -p "$work"
data=$work/four_styles-heavy-$rows
bench_generated "$data" four_styles heavy "$rows" > /dev/null
input=$(cat "$data"/*.csv | wc -c)

print_cpu
echo "负载 / load: $(cut -d' ' -f1-3 /proc/loadavg)"
print_memory_mode "$memory"

# The round every generated unit is a target of, in an otherwise empty database.
base=$work/base.db
rm -f "$base" "$base-wal" "$base-shm"
"$patrol" init --db "$base" > /dev/null
{
  echo "code,name,kind,parent_code"
  for i in $(seq 1 300); do printf 'U%04d,单位%d,other,\n' "$i" "$i"; done
} > "$work/units.csv"
"$patrol" unit import "$work/units.csv" --db "$base" > /dev/null
"$patrol" round create --code B-1 --title 基准轮次 --kind special --start 2025-01-01 --end 2025-12-31 \
  --plugins four_styles --db "$base" > /dev/null
"$patrol" round target --round B-1 --unit $(seq -f 'U%04g' 1 300) --db "$base" > /dev/null
sqlite3 "$base" 'PRAGMA wal_checkpoint(TRUNCATE);' > /dev/null

fresh() { rm -f "$2" "$2-wal" "$2-shm"; cp "$1" "$2"; }
# The file's bytes once the write-ahead log is folded in.
settled_size() { sqlite3 "$1" 'PRAGMA wal_checkpoint(TRUNCATE);' > /dev/null; stat -c %s "$1"; }
# "seconds peak-KiB" of one run (on memory not used lately with --memory cold); the command's
# stderr goes to $work/NAME.err.
timed() {
  local name=$1; shift
  BENCH_MEMORY=$memory python3 "$here/measure.py" 1 /dev/null "$work/$name.err" -- "$@" | awk '{print $1, $3}'
}
# The "s kib" pair of several runs: the fastest time warm, the median cold (a cold run now and then
# still finds memory used lately), and the largest peak either way.
summarize() {
  sort -n | awk -v pick="$memory" '{s[NR] = $1; if ($2 > k) k = $2}
    END {print (pick == "cold" ? s[int((NR + 1) / 2)] : s[1]), k}'
}

db=$work/record.db
record=(check --plugin four_styles --data "$data" --as-of "$as_of" --calendar "$data/calendar.json" --round B-1 --db "$db")
results=()
for _ in $(seq 1 "$repeat"); do
  fresh "$base" "$db"
  results+=("$(timed record "$patrol" "${record[@]}")")
done
read -r record_s record_kib < <(printf '%s\n' "${results[@]}" | summarize)
findings=$(sqlite3 "$db" 'SELECT count(*) FROM findings')
growth=$(( $(settled_size "$db") - $(stat -c %s "$base") ))
results=()
for _ in $(seq 1 "$repeat"); do results+=("$(timed again "$patrol" "${record[@]}")"); done
read -r again_s again_kib < <(printf '%s\n' "${results[@]}" | summarize)
"$patrol" audit verify --db "$db" > "$work/verify.out" 2> "$work/verify.err" || {
  echo "audit verify 未通过：" >&2; cat "$work/verify.out" "$work/verify.err" >&2; exit 1
}

# The peer: the same rows, read from a CSV by the sqlite3 shell and inserted in one transaction
# (foreign keys on, as patrol has them) into a copy of the base database.
columns="round_id, unit_id, category, title, detail, severity, amount_fen, source, refs, fingerprint, status, rectification_kind, created_by, created_at"
sqlite3 -csv "$db" "SELECT $columns FROM findings ORDER BY id" > "$work/rows.csv"
peer_db=$work/peer.db
peer_sql=$work/peer.sql
cat > "$peer_sql" <<SQL
.bail on
PRAGMA foreign_keys = ON;
BEGIN;
CREATE TEMP TABLE staged(round_id, unit_id, category, title, detail, severity, amount_fen, source, refs, fingerprint, status, rectification_kind, created_by, created_at);
.import --csv '$work/rows.csv' staged
INSERT INTO findings ($columns)
  SELECT round_id, unit_id, category, title, detail, severity, NULLIF(amount_fen, ''), source, refs, fingerprint, status,
         NULLIF(rectification_kind, ''), created_by, created_at FROM staged;
COMMIT;
SQL
results=()
for _ in $(seq 1 "$repeat"); do
  fresh "$base" "$peer_db"
  results+=("$(timed peer sh -c "sqlite3 '$peer_db' < '$peer_sql'")")
done
read -r peer_s peer_kib < <(printf '%s\n' "${results[@]}" | summarize)
peer_rows=$(sqlite3 "$peer_db" 'SELECT count(*) FROM findings')
peer_growth=$(( $(settled_size "$peer_db") - $(stat -c %s "$base") ))
[ "$peer_rows" = "$findings" ] || { echo "对照组插入了 $peer_rows 行，而 patrol 记录了 $findings 行" >&2; exit 1; }

python3 - "$rows" "$input" "$findings" "$record_s" "$record_kib" "$again_s" "$again_kib" "$growth" \
  "$peer_s" "$peer_kib" "$peer_growth" "$(cut -d' ' -f1-3 /proc/loadavg)" <<'PY'
import sys
rows, size, n = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
rec_s, rec_kib, again_s, again_kib, growth = float(sys.argv[4]), int(sys.argv[5]), float(sys.argv[6]), int(sys.argv[7]), int(sys.argv[8])
peer_s, peer_kib, peer_growth, load = float(sys.argv[9]), int(sys.argv[10]), int(sys.argv[11]), sys.argv[12]
mb = lambda b: b / 1e6
goal = 2 * size + 200 * n
print(f"数据 / data: four_styles heavy, {rows} 行, {mb(size):.1f} MB; 疑似问题 / findings: {n}")
print(f"{'':28} {'s':>8} {'findings/s':>11} {'peak MB':>8} {'B/finding':>10}")
# Peaks in MB of 10^6 bytes, as the memory goal below.
print(f"{'patrol check --round':28} {rec_s:8.3f} {n / rec_s:11.0f} {mb(rec_kib * 1024):8.1f} {growth / n:10.0f}")
print(f"{'same again (all recorded)':28} {again_s:8.3f} {n / again_s:11.0f} {mb(again_kib * 1024):8.1f} {'':>10}")
print(f"{'sqlite3 shell peer (insert)':28} {peer_s:8.3f} {n / peer_s:11.0f} {mb(peer_kib * 1024):8.1f} {peer_growth / n:10.0f}")
print(f"patrol / sqlite3 peer: {rec_s / peer_s:.2f} × the time, {growth / peer_growth:.2f} × the bytes; load after: {load}")
met = lambda ok: "达成 / met" if ok else "未达成 / not met"
print(f"目标 ≥ 50,000 findings/s: {n / rec_s:.0f} — {met(n / rec_s >= 50000)}")
print(f"目标 re-run ≥ 200,000 findings/s: {n / again_s:.0f} — {met(n / again_s >= 200000)}")
print(f"目标 ≤ 700 B/finding: {growth / n:.0f} — {met(growth / n <= 700)}")
print(f"目标 peak ≤ 2×input + 200 B/finding = {mb(goal):.1f} MB: {rec_kib * 1024 / 1e6:.1f} MB — {met(rec_kib * 1024 <= goal)}")
PY
