#!/usr/bin/env python3
"""The patrol check rules written by hand in plain Python (csv module only): the Python peer.

Usage: peer_python.py PLUGIN DATA_DIR AS_OF CALENDAR.json
Prints one line per finding, "rule<TAB>unit<TAB>ref,ref,...<TAB>amount-in-yuan-or-empty", sorted.
Reads the files as docs/datasets.md says (BOM, GB18030 fallback, rejects, duplicate ids).
"""
import csv
import datetime
import io
import json
import os
import re
import sys

# name -> [(column, type, required, extras)]; extras: id, words, min, required_when=(col, words, min)
SCHEMAS = {
    "poverty_alleviation": {
        "households": [("household_id", "string", True, {"id": True}), ("village_code", "string", False, {}),
                       ("head_name", "string", False, {}),
                       ("status", "enum", True, {"words": ["active", "exited", "removed"]}),
                       ("status_changed_on", "date", False, {})],
        "cadres": [("cadre_id", "string", True, {"id": True}), ("name", "string", False, {}),
                   ("unit_code", "string", False, {}), ("post", "string", False, {}),
                   ("household_id", "string", False, {})],
        "projects": [("project_id", "string", True, {"id": True}), ("unit_code", "string", True, {}),
                     ("name", "string", False, {}), ("budget", "money", True, {}),
                     ("funds_arrived_on", "date", False, {}), ("planned_completion", "date", False, {}),
                     ("actual_completion", "date", False, {})],
        "payments": [("payment_id", "string", True, {"id": True}), ("unit_code", "string", True, {}),
                     ("project_id", "string", False, {}), ("program", "string", True, {}),
                     ("household_id", "string", True, {}), ("payee_name", "string", False, {}),
                     ("amount", "money", True, {}), ("paid_on", "date", True, {})],
    },
    "business_environment": {
        "approvals": [("case_id", "string", True, {"id": True}), ("unit_code", "string", True, {}),
                      ("item", "string", False, {}), ("applicant", "string", False, {}),
                      ("received_on", "date", True, {}), ("completed_on", "date", False, {}),
                      ("time_limit_days", "integer", True, {"min": 0})],
        "postings": [("staff_id", "string", True, {"id": True}), ("name", "string", False, {}),
                     ("unit_code", "string", True, {}), ("post", "string", False, {}),
                     ("key_post", "enum", True, {"words": ["yes", "no"]}), ("since", "date", True, {})],
        "complaints": [("complaint_id", "string", True, {"id": True}), ("unit_code", "string", True, {}),
                       ("enterprise", "string", False, {}), ("category", "string", False, {}),
                       ("received_on", "date", True, {}), ("resolved_on", "date", False, {})],
        "arrears": [("contract_id", "string", True, {"id": True}), ("unit_code", "string", True, {}),
                    ("enterprise", "string", False, {}), ("amount", "money", True, {}),
                    ("due_on", "date", True, {}), ("paid_on", "date", False, {})],
    },
    "four_styles": {
        "expenses": [("expense_id", "string", True, {"id": True}), ("unit_code", "string", True, {}),
                     ("date", "date", True, {}),
                     ("category", "enum", True,
                      {"words": ["reception", "meal", "vehicle", "travel", "gift", "meeting", "other"]}),
                     ("amount", "money", True, {}),
                     ("headcount", "integer", False, {"required_when": ("category", ["reception"], 1)}),
                     ("vendor", "string", False, {}), ("description", "string", False, {})],
        "trips": [("trip_id", "string", True, {"id": True}), ("unit_code", "string", True, {}),
                  ("plate", "string", False, {}), ("date", "date", True, {}), ("depart_time", "time", True, {}),
                  ("return_time", "time", False, {}), ("purpose", "string", False, {}),
                  ("destination", "string", False, {})],
    },
}

DATE = re.compile(r"\d{4}-\d{2}-\d{2}\Z")
TIME = re.compile(r"(\d{2}):(\d{2})\Z")
MONEY = re.compile(r"(\d{1,15})(?:\.(\d{1,2}))?\Z")
INTEGER = re.compile(r"[+-]?\d{1,18}\Z")


class Unusable(Exception):
    pass


def parse_date(s):
    if not DATE.match(s):
        return None
    try:
        return datetime.date(int(s[0:4]), int(s[5:7]), int(s[8:10])).toordinal()
    except ValueError:
        return None


def parse_time(s):
    m = TIME.match(s)
    if not m or int(m.group(1)) > 23 or int(m.group(2)) > 59:
        return None
    return int(m.group(1)) * 60 + int(m.group(2))


def parse_money(s):
    m = MONEY.match(s)
    if not m:
        return None
    cents = m.group(2) or "0"
    return int(m.group(1)) * 100 + int(cents.ljust(2, "0"))


def parse_value(kind, text, extras):
    if kind == "string":
        return text
    if kind == "date":
        return parse_date(text)
    if kind == "time":
        return parse_time(text)
    if kind == "money":
        return parse_money(text)
    if kind == "integer":
        if not INTEGER.match(text):
            return None
        return int(text)
    if kind == "enum":
        return text if text in extras["words"] else None
    raise ValueError(kind)


def decode(raw):
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("gb18030")


def read_table(path, columns):
    """Rows as dicts of typed values (None = absent); rejected rows left out."""
    with open(path, "rb") as f:
        text = decode(f.read())
    reader = csv.reader(io.StringIO(text, newline=""))
    header = [h.strip(" \t") for h in next(reader, [])]
    where = {}
    for name, kind, required, extras in columns:
        if name in header:
            where[name] = header.index(name)
        elif required:
            raise Unusable(f"{os.path.basename(path)}: missing column {name}")
    rows, seen = [], {}
    for fields in reader:
        if not fields:
            continue
        if len(fields) != len(header):
            continue
        row, ok = {}, True
        for name, kind, required, extras in columns:
            text = fields[where[name]].strip(" \t") if name in where else ""
            if text == "":
                if required:
                    ok = False
                    break
                row[name] = None
                continue
            value = parse_value(kind, text, extras)
            if value is None or ("min" in extras and value < extras["min"]):
                ok = False
                break
            row[name] = value
        if not ok:
            continue
        for name, kind, required, extras in columns:
            rw = extras.get("required_when")
            if rw and row.get(rw[0]) in rw[1] and (row[name] is None or row[name] < rw[2]):
                ok = False
        id_column = next(name for name, _, _, extras in columns if extras.get("id"))
        if not ok or row[id_column] in seen:
            continue
        seen[row[id_column]] = True
        rows.append(row)
    return rows


def read_tables(plugin, folder):
    tables = {}
    for name, columns in SCHEMAS[plugin].items():
        path = os.path.join(folder, name + ".csv")
        if os.path.exists(path):
            tables[name] = read_table(path, columns)
    return tables


class Calendar:
    def __init__(self, path):
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
        self.holidays = {parse_date(d) for d in data.get("holidays", [])}
        self.workdays = {parse_date(d) for d in data.get("workdays", [])}

    def working(self, day):
        if day in self.workdays:
            return True
        return datetime.date.fromordinal(day).weekday() < 5 and day not in self.holidays


def month_of(day):
    d = datetime.date.fromordinal(day)
    return (d.year, d.month)


def add_years(day, years):
    d = datetime.date.fromordinal(day)
    try:
        return d.replace(year=d.year + years).toordinal()
    except ValueError:  # 02-29 in a non-leap year
        return d.replace(year=d.year + years, day=28).toordinal()


def poverty_alleviation(t, as_of, calendar, out):
    payments, households, cadres, projects = (t.get(k) for k in ("payments", "households", "cadres", "projects"))
    if payments is not None and households is not None:
        by_id = {h["household_id"]: h for h in households}
        for p in payments:
            h = by_id.get(p["household_id"])
            if h is None or (h["status"] == "removed" and (h["status_changed_on"] is None or h["status_changed_on"] <= p["paid_on"])):
                out.append(("PA-01", p["unit_code"], [p["payment_id"]], p["amount"]))
    if payments is not None:
        groups = {}
        for p in payments:
            groups.setdefault((p["household_id"], p["program"], month_of(p["paid_on"])), []).append(p)
        for group in groups.values():
            if len(group) >= 2:
                first = min(group, key=lambda p: (p["paid_on"], p["payment_id"].encode()))
                total = sum(p["amount"] for p in group)
                out.append(("PA-02", first["unit_code"], [p["payment_id"] for p in group], total - max(p["amount"] for p in group)))
    if payments is not None and cadres is not None:
        cadre_households = {c["household_id"] for c in cadres if c["household_id"]}
        for p in payments:
            if p["household_id"] in cadre_households:
                out.append(("PA-03", p["unit_code"], [p["payment_id"]], p["amount"]))
    if projects is not None and payments is not None:
        spent, disbursed = {}, {}
        for p in payments:
            if p["project_id"]:
                spent[p["project_id"]] = spent.get(p["project_id"], 0) + p["amount"]
                if p["paid_on"] <= as_of:
                    disbursed[p["project_id"]] = disbursed.get(p["project_id"], 0) + p["amount"]
        for pr in projects:
            d = disbursed.get(pr["project_id"], 0)
            if (pr["funds_arrived_on"] is not None and pr["actual_completion"] is None
                    and as_of - pr["funds_arrived_on"] > 90 and d * 2 < pr["budget"]):
                out.append(("PA-04", pr["unit_code"], [pr["project_id"]], pr["budget"] - d))
        for pr in projects:
            s = spent.get(pr["project_id"], 0)
            if s > pr["budget"]:
                out.append(("PA-05", pr["unit_code"], [pr["project_id"]], s - pr["budget"]))
    if projects is not None:
        for pr in projects:
            if pr["planned_completion"] is not None and pr["planned_completion"] < as_of and pr["actual_completion"] is None:
                out.append(("PA-06", pr["unit_code"], [pr["project_id"]], None))


def business_environment(t, as_of, calendar, out):
    if "approvals" in t:
        for a in t["approvals"]:
            end = a["completed_on"] if a["completed_on"] is not None else as_of
            used = sum(1 for d in range(a["received_on"] + 1, end + 1) if calendar.working(d))
            if used > a["time_limit_days"]:
                out.append(("BE-01", a["unit_code"], [a["case_id"]], None))
    if "postings" in t:
        for p in t["postings"]:
            if p["key_post"] == "yes" and as_of >= add_years(p["since"], 5):
                out.append(("BE-02", p["unit_code"], [p["staff_id"]], None))
    if "complaints" in t:
        groups = {}
        for c in t["complaints"]:
            groups.setdefault((c["unit_code"], month_of(c["received_on"])), []).append(c["complaint_id"])
        for (unit, _), ids in groups.items():
            if len(ids) >= 3:
                out.append(("BE-03", unit, ids, None))
    if "arrears" in t:
        for a in t["arrears"]:
            late = (a["paid_on"] if a["paid_on"] is not None else as_of) - a["due_on"]
            if late > 30:
                out.append(("BE-04", a["unit_code"], [a["contract_id"]], a["amount"]))


KEYWORDS = ["茅台", "五粮液", "购物卡", "礼品卡", "消费卡", "香烟", "名烟", "名酒", "高档"]


def four_styles(t, as_of, calendar, out):
    if "expenses" in t:
        groups = {}
        for e in t["expenses"]:
            category, amount = e["category"], e["amount"]
            if category == "reception" and amount > 15000 * e["headcount"]:
                out.append(("FS-01", e["unit_code"], [e["expense_id"]], amount - 15000 * e["headcount"]))
            if category in ("reception", "meal") and not calendar.working(e["date"]):
                out.append(("FS-02", e["unit_code"], [e["expense_id"]], amount))
            if e["vendor"] and amount < 500000:
                groups.setdefault((e["unit_code"], e["vendor"], e["date"]), []).append(e)
            description = e["description"] or ""
            if category == "gift" or any(k in description for k in KEYWORDS):
                out.append(("FS-04", e["unit_code"], [e["expense_id"]], amount))
        for (unit, _, _), group in groups.items():
            total = sum(e["amount"] for e in group)
            if len(group) >= 2 and total >= 500000:
                out.append(("FS-03", unit, [e["expense_id"] for e in group], total))
    if "trips" in t:
        for trip in t["trips"]:
            depart = trip["depart_time"]
            if not calendar.working(trip["date"]) or depart >= 22 * 60 or depart < 6 * 60:
                out.append(("FS-05", trip["unit_code"], [trip["trip_id"]], None))


def yuan(fen):
    return "" if fen is None else f"{fen // 100}.{fen % 100:02d}"


def main():
    if len(sys.argv) != 5:
        sys.exit(__doc__)
    plugin, folder, as_of_text, calendar_path = sys.argv[1:]
    try:
        tables = read_tables(plugin, folder)
    except Unusable as e:
        print(e, file=sys.stderr)
        sys.exit(2)
    out = []
    globals()[plugin](tables, parse_date(as_of_text), Calendar(calendar_path), out)
    lines = sorted(f"{rule}\t{unit}\t{','.join(sorted(refs, key=str.encode))}\t{yuan(amount)}" for rule, unit, refs, amount in out)
    sys.stdout.write("".join(line + "\n" for line in lines))


if __name__ == "__main__":
    main()
