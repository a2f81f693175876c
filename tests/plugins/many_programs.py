#!/usr/bin/env python3
"""PA-02 over a payments file whose program column the reader spells out row by row.

Usage: many_programs.py PATROL
The reader keeps a column coded (each distinct text once) only while its texts repeat; here
nearly every payment names a program of its own, so the column is spelled out after its first
rows, and PA-02 groups payments by the program's text rather than by its code. Both ways must
find the same repeats: 60 pairs of payments to one household for one program in one month,
and nothing for the payments that share a household and a program in different months or a
household and a month under different programs.
"""
import json
import os
import sys
import tempfile

from check_run import finish, run_check

ROWS = 12000
PAIRS = 60


def payments():
    """(id, household, program, paid_on) rows and the refs of the pairs PA-02 must report."""
    rows, pairs = [], []
    for i in range(ROWS):
        household = f"H{i % 500:04d}"
        if i < 2 * PAIRS:
            # Rows 2k and 2k+1: one household, one program, one month.
            k = i // 2
            household, program, day = f"H{k:04d}", f"重复项目{k}", f"2026-03-{1 + i % 2:02d}"
            if i % 2:
                pairs.append([f"Y{i - 1:05d}", f"Y{i:05d}"])
        elif i < 2 * PAIRS + 40:
            # The same household and program in different months: no repeat.
            household, program, day = "H0499", "跨月项目", f"2026-{1 + (i % 12):02d}-10"
            if i >= 2 * PAIRS + 12:
                program = f"跨月项目{i}"
        else:
            program, day = f"专项资金{i}", "2026-04-15"
        rows.append((f"Y{i:05d}", household, program, day))
    return rows, pairs


def main():
    patrol = sys.argv[1]
    rows, pairs = payments()
    with tempfile.TemporaryDirectory() as data:
        with open(os.path.join(data, "households.csv"), "w", encoding="utf-8") as f:
            f.write("household_id,village_code,head_name,status,status_changed_on\n")
            for h in range(500):
                f.write(f"H{h:04d},V01,户主{h},active,\n")
        with open(os.path.join(data, "payments.csv"), "w", encoding="utf-8") as f:
            f.write("payment_id,unit_code,project_id,program,household_id,payee_name,amount,paid_on\n")
            for pid, household, program, day in rows:
                f.write(f"{pid},U01,,{program},{household},,100.00,{day}\n")
        run = run_check(patrol, "poverty_alleviation", data, "2026-12-31")
    problems = []
    if run.returncode != 0:
        problems.append(f"exit status {run.returncode}, expected 0")
    findings = [json.loads(line) for line in run.stdout.splitlines()]
    got = sorted(f["refs"] for f in findings if f["rule"] == "PA-02")
    if got != sorted(pairs):
        missing = [p for p in pairs if p not in got]
        extra = [g for g in got if g not in pairs]
        problems.append(f"PA-02: {len(got)} findings, expected {len(pairs)}; missing {missing[:5]}, not expected {extra[:5]}")
    others = sorted({f["rule"] for f in findings} - {"PA-02"})
    if others:
        problems.append(f"rules other than PA-02 reported: {others}")
    finish(problems, run, f"many programs: ok ({len(got)} repeats)")


if __name__ == "__main__":
    main()
