#!/usr/bin/env python3
"""A check with thousands of findings, as printed: every line exact and in order.

Usage: many_findings.py PATROL
Large outputs are turned into text on two threads (the later half on its own); this makes
sure the two halves join into exactly the output one thread would write: no line lost,
doubled or out of place. 9001 gifts, an odd count so the halves differ in size.
"""
import os
import sys
import tempfile

from check_run import finish, run_check

COUNT = 9001


def expected_line(i):
    ref = f"E{i:05d}"
    return ('{"plugin":"four_styles","rule":"FS-04","unit":"U07","refs":["%s"],"amount":%d.50,'
            '"title":"2026-03-16 礼品支出 %d.50 元","detail":"支出 %s：类别 礼品，金额 %d.50 元，商户 特产店%d，事由：慰问品。"}'
            % (ref, i, i, ref, i, i))


def main():
    patrol = sys.argv[1]
    with tempfile.TemporaryDirectory() as data:
        with open(os.path.join(data, "expenses.csv"), "w", encoding="utf-8") as f:
            f.write("expense_id,unit_code,date,category,amount,headcount,vendor,description\n")
            # Written in reverse so the output order is patrol's own doing; one vendor each, so
            # that no purchases add up to a split reimbursement (FS-03).
            for i in range(COUNT, 0, -1):
                f.write(f"E{i:05d},U07,2026-03-16,gift,{i}.50,,特产店{i},慰问品\n")
        run = run_check(patrol, "four_styles", data, "2026-03-31")
    problems = []
    if run.returncode != 0:
        problems.append(f"exit status {run.returncode}, expected 0")
    got = run.stdout.split("\n")
    if got[-1] != "":
        problems.append("the output does not end with a line end")
    got = got[:-1]
    want = [expected_line(i) for i in range(1, COUNT + 1)]
    if len(got) != len(want):
        problems.append(f"{len(got)} lines, expected {len(want)}")
    for n, (g, w) in enumerate(zip(got, want), start=1):
        if g != w:
            problems.append(f"line {n} differs:\n  got:      {g[:300]}\n  expected: {w}")
            break
    finish(problems, run, f"many findings: ok ({len(got)} lines)")


if __name__ == "__main__":
    main()
