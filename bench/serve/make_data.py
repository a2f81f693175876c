#!/usr/bin/env python3
"""Writes the files the serve benchmark's database is built from: units.csv for `patrol unit
import` and a four_styles ledger in which every row is one gift expense (rule FS-04), so that
`patrol check --round` records exactly one suspected finding -- later one task -- per row.

Usage: make_data.py OUT_DIR UNITS TASKS   (tasks are spread evenly over the units)
"""
import os
import random
import sys

GIFTS = ["中秋月饼礼盒", "春节慰问购物卡", "茶叶礼盒", "名酒两箱", "高档香烟", "土特产礼包", "消费卡", "端午粽子礼盒"]
KINDS = [("township", "镇"), ("department", "局"), ("village", "村"), ("community", "社区")]


def unit_code(n):
    return "B%04d" % n


def main():
    out, units, tasks = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    rng = random.Random(20261203)
    os.makedirs(os.path.join(out, "four_styles"), exist_ok=True)
    with open(os.path.join(out, "units.csv"), "w", encoding="utf-8") as f:
        f.write("code,name,kind,parent_code\n")
        for n in range(1, units + 1):
            kind, suffix = KINDS[n % len(KINDS)]
            f.write("%s,第%d%s,%s,\n" % (unit_code(n), n, suffix, kind))
    with open(os.path.join(out, "four_styles", "expenses.csv"), "w", encoding="utf-8") as f:
        f.write("expense_id,unit_code,date,category,amount,headcount,vendor,description\n")
        for i in range(tasks):
            # Round robin over the units: each unit gets tasks // units rows, the first few one more.
            unit = unit_code(i % units + 1)
            day = "2026-%02d-%02d" % (1 + i % 6, 1 + i % 28)
            amount = "%d.%02d" % (rng.randint(200, 4999), rng.randint(0, 99))
            f.write("E%07d,%s,%s,gift,%s,,,%s\n" % (i + 1, unit, day, amount, rng.choice(GIFTS)))
    # No trips: rule FS-05 finds nothing in an empty file instead of being reported as skipped.
    with open(os.path.join(out, "four_styles", "trips.csv"), "w", encoding="utf-8") as f:
        f.write("trip_id,unit_code,plate,date,depart_time,return_time,purpose,destination\n")


if __name__ == "__main__":
    main()
