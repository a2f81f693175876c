#!/usr/bin/env python3
"""Small, dense random datasets with values at every rule boundary (threshold ± 1 fen, 90/91
days, 22:00/06:00, month ends, 02-29, repeated ids, malformed values, spaces around values, rows
with a field too few or too many), for the differential
check in differential.sh. Usage: edge_data.py PLUGIN SEED OUT_DIR (as_of is 2026-04-11)."""
import csv
import datetime
import os
import random
import sys


def d(o): return datetime.date.fromordinal(o).isoformat()
BASE = datetime.date(2026, 1, 1).toordinal()
def money(r):
    return r.choice(["150.00", "150.01", "149.99", "5000.00", "4999.99", "2500.00", "2500", "0.01", "1800.00", "1800.01", "300", "2499.99", "1000.00", "500.00", "499.99", "500.01", "12.5"])
DIRT = random.Random(0)  # reseeded per dataset in main
def dirty(row):
    """Hand-typed ledgers: spaces and tabs around values, now and then a lost or an extra comma."""
    row = [v if DIRT.random() > 0.15 else DIRT.choice([" ", "\t", "  "]) + v + DIRT.choice(["", " ", "\t"]) for v in row]
    roll = DIRT.random()
    if roll < 0.03 and row:
        return row[:-1]
    if roll < 0.06:
        return row + [""]
    return row
def write(path, header, rows):
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f); w.writerow(header); w.writerows(dirty(list(row)) for row in rows)
def fs(r, out):
    rows = []
    for i in range(r.randint(0, 60)):
        cat = r.choice(["reception", "meal", "vehicle", "gift", "other", "meeting", "travel"])
        hc = r.choice(["", "0", "1", "2", "12", "-1", "3"])
        rows.append([f"E{r.randint(1, 50):02d}", r.choice(["U1", "U2"]), d(BASE + r.randint(0, 20)), cat, money(r), hc,
                     r.choice(["", "店A", "店B"]), r.choice(["", "茅台", "有高档烟", "普通", "购物", "消费卡x"])])
    write(os.path.join(out, "expenses.csv"), ["expense_id", "unit_code", "date", "category", "amount", "headcount", "vendor", "description"], rows)
    rows = []
    for i in range(r.randint(0, 30)):
        rows.append([f"T{r.randint(1, 40)}", "U1", "", d(BASE + r.randint(0, 20)), r.choice(["21:59", "22:00", "05:59", "06:00", "12:00", "23:59", "00:00"]), r.choice(["", "25:00", "10:00"]), "", ""])
    write(os.path.join(out, "trips.csv"), ["trip_id", "unit_code", "plate", "date", "depart_time", "return_time", "purpose", "destination"], rows)
def pa(r, out):
    hh = [[f"H{i}", "", "", r.choice(["active", "exited", "removed"]), r.choice(["", d(BASE + r.randint(0, 40))])] for i in range(r.randint(0, 8))]
    write(os.path.join(out, "households.csv"), ["household_id", "village_code", "head_name", "status", "status_changed_on"], hh)
    write(os.path.join(out, "cadres.csv"), ["cadre_id", "name", "unit_code", "post", "household_id"], [[f"C{i}", "", "", "", r.choice(["", "H1", "H2", "H9"])] for i in range(r.randint(0, 3))])
    asof = BASE + 100
    pr = [[f"P{i}", r.choice(["U1", "U2"]), "", r.choice(["1000.00", "0", "999.99", "2000"]), r.choice(["", d(asof - 90), d(asof - 91), d(asof - 89), d(asof + 3)]),
           r.choice(["", d(asof - 1), d(asof), d(asof + 1)]), r.choice(["", "", d(asof - 5)])] for i in range(r.randint(0, 6))]
    write(os.path.join(out, "projects.csv"), ["project_id", "unit_code", "name", "budget", "funds_arrived_on", "planned_completion", "actual_completion"], pr)
    pay = [[f"Y{r.randint(1, 60):02d}", r.choice(["U1", "U2", "U3"]), r.choice(["", "P0", "P1", "P2", "P9"]), r.choice(["A", "B"]), f"H{r.randint(0, 9)}", "",
            r.choice(["500.00", "499.99", "500.01", "1000.00", "250", "0.01"]), d(BASE + r.choice([0, 30, 31, 58, 59, 100, 101, 40, 40]))] for i in range(r.randint(0, 40))]
    write(os.path.join(out, "payments.csv"), ["payment_id", "unit_code", "project_id", "program", "household_id", "payee_name", "amount", "paid_on"], pay)
def be(r, out):
    asof = BASE + 100
    ap = [[f"A{r.randint(1, 40)}", "U1", "", "", d(BASE + r.randint(-10, 100)), r.choice(["", d(BASE + r.randint(-10, 110))]), str(r.choice([0, 1, 2, 3, 5, 10, -1]))] for i in range(r.randint(0, 30))]
    write(os.path.join(out, "approvals.csv"), ["case_id", "unit_code", "item", "applicant", "received_on", "completed_on", "time_limit_days"], ap)
    po = [[f"S{i}", "", "U1", "", r.choice(["yes", "no", "Yes"]), r.choice(["2021-04-11", "2021-04-10", "2021-04-12", "2020-02-29", "2016-02-29"])] for i in range(r.randint(0, 6))]
    write(os.path.join(out, "postings.csv"), ["staff_id", "name", "unit_code", "post", "key_post", "since"], po)
    co = [[f"Q{r.randint(1, 40)}", r.choice(["U1", "U2"]), "", "", d(BASE + r.choice([0, 30, 31, 58, 59, 60])), ""] for i in range(r.randint(0, 20))]
    write(os.path.join(out, "complaints.csv"), ["complaint_id", "unit_code", "enterprise", "category", "received_on", "resolved_on"], co)
    ar = [[f"K{i}", "U1", "", "100.00", d(asof - r.choice([29, 30, 31, 32])), r.choice(["", d(asof), d(asof - 1), d(asof + 5)])] for i in range(r.randint(0, 8))]
    write(os.path.join(out, "arrears.csv"), ["contract_id", "unit_code", "enterprise", "amount", "due_on", "paid_on"], ar)
plugin, seed, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
os.makedirs(out, exist_ok=True)
DIRT.seed(seed * 7919)
{"four_styles": fs, "poverty_alleviation": pa, "business_environment": be}[plugin](random.Random(seed), out)
