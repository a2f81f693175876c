#!/usr/bin/env bash
# Runs an executable in a folder holding a stand-in (working_folder_library.c) for each shared
# library it needs, and fails if it loaded one of them: an executable must never take its
# libraries from whatever folder a user runs it in (a unit's data folder, a download).
# Usage: working_folder_libraries.sh <stand-in .so> <expected exit status> <executable> [args...]
set -euo pipefail
stand_in=$(realpath "$1") expected=$2 executable=$(realpath "$3")
shift 3
folder=$(mktemp -d)
trap 'rm -rf "$folder"' EXIT
# The C library and the loader stay out: a stand-in for them could not run its constructor.
needed=$(readelf -d "$executable" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p' | grep -v -e '^libc\.so' -e '^ld-linux')
test -n "$needed" || { echo "$executable needs no shared library: nothing to check"; exit 1; }
for name in $needed; do cp "$stand_in" "$folder/$name"; done
status=0
(cd "$folder" && "$executable" "$@") > "$folder/out" 2> "$folder/err" || status=$?
if grep -q 'working folder' "$folder/err" || [ "$status" != "$expected" ]; then
    echo "$executable run in a folder holding $(echo $needed): exit $status (expected $expected)"
    head -n 5 "$folder/err"
    readelf -d "$executable" | grep -i -e rpath -e runpath || true
    exit 1
fi
