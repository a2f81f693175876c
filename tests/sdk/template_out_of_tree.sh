#!/usr/bin/env bash
# Installs Patrol to a temporary prefix, builds sdk/template as a separate CMake project with
# find_package(PatrolSDK) from that prefix, and runs the installed `patrol` on the result:
# what a plugin author outside this project does, end to end.
# Usage: template_out_of_tree.sh <patrol build dir> <patrol source dir>
set -euo pipefail
build_dir=$1
source_dir=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cmake --install "$build_dir" --prefix "$work/prefix" > "$work/install.log"
# A copy of the template, as an author starts from it (and edits it below).
cp -r "$source_dir/sdk/template" "$work/template"
cmake -S "$work/template" -B "$work/build" -G Ninja -DCMAKE_PREFIX_PATH="$work/prefix" > "$work/configure.log"
cmake --build "$work/build" > "$work/build.log"
test -f "$work/build/plugins/example_check.so"
cmp "$work/template/example_check.json" "$work/build/plugins/example_check.json"

# An edit of the metadata alone reaches the built plugin's copy on the next build.
cp "$work/template/example_check.json" "$work/example_check.json.orig"
sed -i 's/"version": "1.0.0"/"version": "1.0.1"/' "$work/template/example_check.json"
cmake --build "$work/build" > "$work/rebuild.log"
grep -q '"version": "1.0.1"' "$work/build/plugins/example_check.json" || { echo "edited metadata not copied on rebuild"; exit 1; }
cp "$work/example_check.json.orig" "$work/template/example_check.json"
cmake --build "$work/build" > "$work/rebuild.log"
cmp "$work/template/example_check.json" "$work/build/plugins/example_check.json"

printf '[plugins]\nfolders = %s\n' "$work/build/plugins" > "$work/patrol.ini"
patrol="$work/prefix/bin/patrol"

"$patrol" --config "$work/patrol.ini" plugin verify "$work/build/plugins/example_check.so"
"$patrol" --config "$work/patrol.ini" check --plugin example_check --data "$source_dir/sdk/template/fixtures" \
    --as-of 2026-03-31 > "$work/findings.jsonl" 2> "$work/diagnostics.txt"
diff -u "$source_dir/sdk/template/fixtures/expected.jsonl" "$work/findings.jsonl"
grep -q 'payments.csv:6: 列 amount 的值 "abc" 不是有效金额' "$work/diagnostics.txt"

# Installed next to patrol, the plugin is found without any configuration.
cmake --install "$work/build" --prefix "$work/prefix" > /dev/null
"$patrol" plugin list --format csv > "$work/list.csv"
grep -q '^example_check,示例检查：大额支出,1.0.0,1.3,loaded,' "$work/list.csv"
# ... beside the three plugins installed with patrol itself.
test "$(grep -c ',loaded,,' "$work/list.csv")" = 4 || { cat "$work/list.csv"; exit 1; }
echo "template plugin built out of tree and run by the installed host"
