#!/usr/bin/env bash
# Installs Patrol to a temporary prefix and runs the installed patrol next to the build tree's:
# the same three plugins, loaded, and the same findings byte for byte, in process and isolated.
# Usage: installed_patrol.sh <patrol build dir> <patrol source dir>
set -euo pipefail
build_dir=$(cd "$1" && pwd -P)
source_dir=$(cd "$2" && pwd -P)
work=$(cd "$(mktemp -d)" && pwd -P)
trap 'rm -rf "$work"' EXIT
prefix="$work/prefix"

cmake --install "$build_dir" --prefix "$prefix" > "$work/install.log"
for file in bin/patrol bin/patrol-plugin-run share/patrol/config/patrol.ini share/patrol/sdk/README.md \
            share/patrol/config/reports/work_report.md.mustache \
            lib/patrol/plugins/business_environment.so lib/patrol/plugins/business_environment.json \
            lib/patrol/plugins/four_styles.so lib/patrol/plugins/four_styles.json \
            lib/patrol/plugins/poverty_alleviation.so lib/patrol/plugins/poverty_alleviation.json \
            lib/patrol/patrol-serve.so lib/patrol/patrol-office.so; do
    test -f "$prefix/$file" || { echo "not installed: $file"; exit 1; }
done

# Each patrol reads the configuration shipped beside it; no user file may interfere.
unset PATROL_CONFIG PATROL_DB PATROL_DATA
export HOME="$work/home"

# plugin list: the three plugins, loaded, each from the installed folder.
# (CSV lines end in CR LF; the CRs are dropped to compare lines.)
"$prefix/bin/patrol" plugin list --format csv | tr -d '\r' > "$work/installed-list.csv"
"$build_dir/bin/patrol" plugin list --format csv | tr -d '\r' | sed "s|$build_dir/lib/patrol/plugins/|$prefix/lib/patrol/plugins/|" > "$work/built-list.csv"
diff -u "$work/built-list.csv" "$work/installed-list.csv"
test "$(grep -c ',loaded,,' "$work/installed-list.csv")" = 3 || { cat "$work/installed-list.csv"; exit 1; }
for id in business_environment four_styles poverty_alleviation; do
    grep -q "^$id,.*,loaded,,$prefix/lib/patrol/plugins/$id.so\$" "$work/installed-list.csv" || { echo "$id not loaded from $prefix"; exit 1; }
done

# A check over every plugin with user settings: the same JSONL from both, and the one expected.
case_dir="$source_dir/tests/plugins/cases/all_settings"
check=(check --plugin all --data "$case_dir/data" --as-of 2026-03-31 --calendar "$source_dir/tests/plugins/calendar.json")
"$build_dir/bin/patrol" --config "$case_dir/patrol.ini" "${check[@]}" > "$work/built.jsonl" 2> "$work/built.err"
"$prefix/bin/patrol" --config "$case_dir/patrol.ini" "${check[@]}" > "$work/installed.jsonl" 2> "$work/installed.err"
"$prefix/bin/patrol" --config "$case_dir/patrol.ini" "${check[@]}" --isolate > "$work/isolated.jsonl" 2> "$work/isolated.err"
test -s "$work/built.jsonl"
cmp "$work/built.jsonl" "$work/installed.jsonl"
cmp "$work/built.jsonl" "$work/isolated.jsonl"
cmp "$case_dir/expected.jsonl" "$work/installed.jsonl"

# The installed patrol finds its work report template: a report over the demo county.
"$prefix/bin/patrol" demo --db "$work/demo.db" > /dev/null
"$prefix/bin/patrol" report work --from 2026-01-01 --to 2026-12-31 --db "$work/demo.db" -o "$work/report.md" > /dev/null
grep -q "^十五届县委共对2个乡镇" "$work/report.md" || { head -5 "$work/report.md"; exit 1; }

# The modules loaded on demand, found beside the installed patrol: a .docx and a ledger .xlsx
# (the office module), and a server that answers (the serve module).
"$prefix/bin/patrol" report work --from 2026-01-01 --to 2026-12-31 --db "$work/demo.db" -o "$work/report.docx" > /dev/null
"$prefix/bin/patrol" report ledger --db "$work/demo.db" -o "$work/ledger.xlsx" > /dev/null
for file in report.docx ledger.xlsx; do
    test "$(head -c 2 "$work/$file")" = PK || { echo "$file is not a zip archive"; exit 1; }
done
"$prefix/bin/patrol" serve --db "$work/demo.db" --port 0 2> "$work/serve.err" &
server=$!
url=""
for _ in $(seq 100); do
    url=$(grep -o 'http://[0-9.:]*/' "$work/serve.err" || true)
    [ -n "$url" ] && break
    sleep 0.1
done
status=$(curl -s -o /dev/null -w "%{http_code}" "${url}signin" || true)
kill "$server"
wait "$server" || true
[ "$status" = 200 ] || { echo "installed patrol serve: status '$status' at '${url}signin'"; cat "$work/serve.err"; exit 1; }
echo "installed patrol: $(wc -l < "$work/installed.jsonl") findings, identical to the build tree's"
