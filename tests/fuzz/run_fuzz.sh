#!/bin/sh
# run_fuzz.sh <fuzzer> <scratch folder> <seed folder> <runs>: a short, repeatable libFuzzer run
# from the committed seeds (fixed seed, fixed number of runs); exits non-zero on a finding.
set -e
rm -rf "$2"
mkdir -p "$2"
exec "$1" -seed=1 -runs="$4" -artifact_prefix="$2/" "$2" "$3"
