#!/usr/bin/env python3
"""Runs one fixture case through `patrol check` exactly as a user would, and compares.

Usage: run_case.py PATROL CASE_DIR [--update]
CASE_DIR holds case.json ({plugin, as_of, exit, stderr_contains, stderr_excludes?, stderr_order?, args?}; "{case}" in args
is CASE_DIR; stderr_order: texts that must appear in stderr in that order), data/, expected.tsv
(rule, unit, refs, amount per finding: what the spec demands) and expected.jsonl (the exact
stdout). --update rewrites expected.jsonl from the current output once expected.tsv agrees.
"""
import decimal
import json
import os
import subprocess
import sys

here = os.path.dirname(os.path.abspath(__file__))


def normalized(stdout):
    lines = []
    for text in stdout.splitlines():
        f = json.loads(text, parse_float=decimal.Decimal)
        amount = f.get("amount")
        shown = "" if amount is None else str(decimal.Decimal(amount).quantize(decimal.Decimal("0.01")))
        lines.append(f"{f['rule']}\t{f['unit']}\t{','.join(f['refs'])}\t{shown}")
    return sorted(lines)


def main():
    patrol, case_dir = sys.argv[1], sys.argv[2]
    update = "--update" in sys.argv[3:]
    with open(os.path.join(case_dir, "case.json"), encoding="utf-8") as f:
        case = json.load(f)
    command = [patrol, "check", "--plugin", case["plugin"], "--data", os.path.join(case_dir, "data"),
               "--as-of", case["as_of"], "--calendar", os.path.join(here, "calendar.json"), "--format", "jsonl"]
    # "{case}" in an argument stands for the case folder (e.g. a --config file kept there).
    command += [a.replace("{case}", case_dir) for a in case.get("args", [])]
    run = subprocess.run(command, capture_output=True, text=True, encoding="utf-8")
    problems = []
    if run.returncode != case["exit"]:
        problems.append(f"exit status {run.returncode}, expected {case['exit']}")
    for needle in case.get("stderr_contains", []):
        if needle not in run.stderr:
            problems.append(f"stderr does not mention {needle!r}")
    for needle in case.get("stderr_excludes", []):
        if needle in run.stderr:
            problems.append(f"stderr mentions {needle!r}, which it should not")
    at = 0
    for needle in case.get("stderr_order", []):
        found = run.stderr.find(needle, at)
        if found < 0:
            problems.append(f"stderr does not mention {needle!r} after the texts before it in stderr_order")
            break
        at = found + len(needle)
    with open(os.path.join(case_dir, "expected.tsv"), encoding="utf-8") as f:
        expected = [line.rstrip("\n") for line in f if line.strip()]
    try:
        actual = normalized(run.stdout)
    except (ValueError, KeyError) as e:
        actual = None
        problems.append(f"stdout is not one JSON finding per line: {e}")
    if actual is not None and actual != sorted(expected):
        problems.append("findings differ from expected.tsv:\n  missing: " + repr(sorted(set(expected) - set(actual))) +
                        "\n  extra:   " + repr(sorted(set(actual) - set(expected))))
    # Every refs list is sorted (byte order) in the output itself.
    for text in run.stdout.splitlines():
        refs = json.loads(text)["refs"]
        if refs != sorted(refs, key=str.encode):
            problems.append(f"refs not sorted: {refs}")
    exact = os.path.join(case_dir, "expected.jsonl")
    if update and not problems:
        with open(exact, "w", encoding="utf-8") as f:
            f.write(run.stdout)
    elif os.path.exists(exact):
        with open(exact, encoding="utf-8") as f:
            want = f.read()
        if run.stdout != want:
            got, exp = run.stdout.splitlines(), want.splitlines()
            first = next((i for i in range(min(len(got), len(exp))) if got[i] != exp[i]), min(len(got), len(exp)))
            problems.append(f"stdout differs from expected.jsonl at line {first + 1}:\n  got:      "
                            f"{got[first] if first < len(got) else '(end)'}\n  expected: {exp[first] if first < len(exp) else '(end)'}")
    if problems:
        print(f"{os.path.basename(case_dir)}: " + "\n".join(problems))
        print("--- stderr ---\n" + run.stderr)
        sys.exit(1)
    print(f"{os.path.basename(case_dir)}: ok ({len(actual or [])} findings)")


if __name__ == "__main__":
    main()
