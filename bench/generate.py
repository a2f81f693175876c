#!/usr/bin/env python3
"""Generates realistic, deterministic dataset files for the patrol check plugins.

Usage: generate.py PLUGIN OUT_DIR [--rows N] [--seed S] [--profile usual|heavy]
Writes the plugin's CSV files (UTF-8) plus calendar.json (the 2025 working-day calendar) to OUT_DIR.
N is the approximate total number of data rows over all files of the plugin; a few are malformed
so the reject path is exercised too. In the usual profile a small share of rows break the rules
on purpose; in the heavy profile about half of the rows that a rule can flag break one, spread
over all of the plugin's rules (a dirty ledger: most of the work is findings).
"""
import argparse
import csv
import datetime
import json
import os
import random

YEAR_START = datetime.date(2025, 1, 1).toordinal()
DAYS_IN_YEAR = 365

# 国务院办公厅 2025 schedule: weekday holidays and weekend makeup workdays.
HOLIDAYS_2025 = ["2025-01-01", "2025-01-28", "2025-01-29", "2025-01-30", "2025-01-31", "2025-02-03", "2025-02-04",
                 "2025-04-04", "2025-05-01", "2025-05-02", "2025-05-05", "2025-06-02", "2025-10-01", "2025-10-02",
                 "2025-10-03", "2025-10-06", "2025-10-07", "2025-10-08"]
WORKDAYS_2025 = ["2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11"]

PLACES = ["城关", "红星", "青山", "白沙", "东岭", "西河", "南塘", "北坪", "金桥", "柳湾", "石门", "桃源", "双河", "龙泉", "凤鸣"]
SHOPS = ["宾馆", "饭店", "酒家", "农家乐", "大酒店", "招待所", "商贸", "超市", "汽修厂", "加油站", "印务", "文具店", "茶楼", "土菜馆"]
DESCRIPTIONS = ["接待市局调研组", "加班工作餐", "购买办公用品", "车辆维修", "差旅住宿", "培训会场租金", "接待省厅检查",
                "防汛值班餐", "资料印刷", "下乡调研用餐", "会议茶歇", "慰问困难群众", "招商洽谈接待", ""]
KEYWORD_DESCRIPTIONS = ["茅台酒两瓶", "购物卡", "节日礼品卡", "香烟两条", "高档白酒", "五粮液一箱", "超市消费卡"]
PURPOSES = ["下乡调研", "送文件", "防汛检查", "接送领导", "会议", "督查", "走访企业", "信访接待"]
PROGRAMS = ["产业奖补", "教育资助", "危房改造", "医疗救助", "光伏收益", "公益岗位", "小额信贷贴息"]
ITEMS = ["建设工程规划许可", "营业执照变更", "食品经营许可", "排污许可", "施工许可", "不动产登记", "竣工验收备案"]
ENTERPRISES = ["有限公司", "建筑工程有限公司", "农业科技有限公司", "商贸有限责任公司", "食品有限公司", "物流有限公司"]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华"


def is_working(ordinal):
    d = datetime.date.fromordinal(ordinal)
    text = d.isoformat()
    return text in WORKDAYS_2025 or (d.weekday() < 5 and text not in HOLIDAYS_2025)


WORKING = {d for d in range(YEAR_START, YEAR_START + DAYS_IN_YEAR) if is_working(d)}
WORKING_DAYS = sorted(WORKING)


def day_text(ordinal):
    return datetime.date.fromordinal(ordinal).isoformat()


def yuan(fen):
    return f"{fen // 100}.{fen % 100:02d}" if fen % 100 else str(fen // 100)


class Gen:
    def __init__(self, seed, heavy=False):
        self.r = random.Random(seed)
        self.heavy = heavy

    def breaks(self, usual):
        """Whether this row breaks a rule on purpose: rarely as in real ledgers, or half the time."""
        return self.r.random() < (0.5 if self.heavy else usual)

    def rest_day(self):
        while True:
            day = self.day()
            if day not in WORKING:
                return day

    def unit(self, n=300):
        return f"U{self.r.randint(1, n):04d}"

    def day(self):
        return YEAR_START + self.r.randrange(DAYS_IN_YEAR)

    def working_day(self):
        """Most official business happens on working days; about 3 % does not."""
        while True:
            day = self.day()
            if day in WORKING or self.r.random() < 0.07:
                return day

    def vendor(self):
        return self.r.choice(PLACES) + self.r.choice(SHOPS)

    def person(self):
        return self.r.choice(SURNAMES) + "".join(self.r.choice(GIVEN) for _ in range(self.r.randint(1, 2)))

    def enterprise(self):
        return self.r.choice(PLACES) + self.r.choice(PLACES) + self.r.choice(ENTERPRISES)

    def maybe_break(self, row, bad):
        """About one row in a thousand is malformed the way exported ledgers are."""
        if self.r.random() < 0.001:
            key, value = self.r.choice(bad)
            row[key] = value
        return row


def write(folder, name, header, rows):
    with open(os.path.join(folder, name), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        for row in rows:
            w.writerow([row.get(h, "") for h in header])


def four_styles(g, folder, rows):
    n_expenses, n_trips = rows * 4 // 5, rows - rows * 4 // 5
    r = g.r
    categories = ["reception"] * 20 + ["meal"] * 25 + ["vehicle"] * 10 + ["travel"] * 15 + ["gift"] * 1 + \
                 ["meeting"] * 8 + ["other"] * 21

    def expenses():
        n = 0
        while n < n_expenses:
            unit, day, vendor = g.unit(), g.working_day(), g.vendor()
            # Heavy profile: one of FS-01..FS-04 for half the expenses, the others kept clean.
            rule = (r.choice(["FS-01", "FS-02", "FS-03", "FS-04"]) if g.breaks(0) else "") if g.heavy else ""
            if rule == "FS-03" or (not g.heavy and r.random() < 0.004):  # a purchase split below the approval threshold
                pieces = r.randint(2, 3)
                for _ in range(pieces):
                    n += 1
                    yield {"expense_id": f"E{n:07d}", "unit_code": unit, "date": day_text(day), "category": "other",
                           "amount": yuan(r.randint(200000, 499999)), "vendor": vendor, "description": "购买办公用品"}
                continue
            n += 1
            category = r.choice(categories)
            if g.heavy:
                category = {"FS-01": "reception", "FS-02": r.choice(["reception", "meal"]),
                            "FS-04": r.choice(["gift", category])}.get(rule, category if category != "gift" else "other")
                day = g.rest_day() if rule == "FS-02" else day if day in WORKING else YEAR_START + 1
            row = {"expense_id": f"E{n:07d}", "unit_code": unit, "date": day_text(day), "category": category}
            if category == "reception":
                people = r.randint(2, 15)
                row["headcount"] = str(people)
                over = rule == "FS-01" if g.heavy else r.random() >= 0.97
                row["amount"] = yuan(people * r.randint(6000, 30000 if over else 15000) if not g.heavy else
                                     people * (r.randint(15001, 40000) if over else r.randint(6000, 15000)))
            elif category == "meal":
                row["amount"] = yuan(r.randint(2000, 80000))
            else:
                row["amount"] = yuan(r.randint(5000, 800000))
            if r.random() < 0.8:
                row["vendor"] = vendor
            roll = r.random()
            keyword = rule == "FS-04" if g.heavy else roll < 0.003
            row["description"] = r.choice(KEYWORD_DESCRIPTIONS) if keyword else "" if roll < 0.4 else r.choice(DESCRIPTIONS)
            if n % 9973 == 0:
                row["description"] += "，含发票\"增值税\"两张"  # quoting in the export
            # Duplicate id, bad date, unknown category, bad money, reception without headcount.
            yield g.maybe_break(row, [("expense_id", f"E{max(1, n - 1):07d}"), ("date", "2025-02-30"),
                                      ("category", "banquet"), ("amount", "12,5"), ("headcount", "0" if category == "reception" else "")])

    def trips():
        for n in range(1, n_trips + 1):
            if g.heavy:  # FS-05 for half the trips: a rest day or a night departure
                night = g.breaks(0)
                day = g.rest_day() if night and r.random() < 0.5 else r.choice(WORKING_DAYS)
                hour = r.choice([5, 22, 23]) if night and day in WORKING else r.choice([7, 8, 9, 10, 13, 14, 15, 16])
            else:
                day = g.working_day()
                hour = r.choice([7, 8, 8, 9, 9, 10, 13, 14, 15, 16]) if r.random() > 0.01 else r.choice([5, 22, 23])
            depart = hour * 60 + r.randrange(60)
            back = min(depart + r.randint(30, 480), 23 * 60 + 59)
            row = {"trip_id": f"T{n:07d}", "unit_code": g.unit(), "plate": f"皖R{r.randint(10000, 99999)}",
                   "date": day_text(day), "depart_time": f"{depart // 60:02d}:{depart % 60:02d}",
                   "return_time": f"{back // 60:02d}:{back % 60:02d}", "purpose": r.choice(PURPOSES),
                   "destination": r.choice(PLACES) + "村"}
            yield g.maybe_break(row, [("depart_time", "25:10"), ("date", "2025/03/01")])

    write(folder, "expenses.csv", ["expense_id", "unit_code", "date", "category", "amount", "headcount", "vendor", "description"],
          expenses())
    write(folder, "trips.csv", ["trip_id", "unit_code", "plate", "date", "depart_time", "return_time", "purpose", "destination"],
          trips())


def poverty_alleviation(g, folder, rows):
    r = g.r
    n_households, n_cadres, n_projects = max(10, rows * 3 // 10), max(2, rows // 100), max(2, rows // 100)
    n_payments = max(10, rows - n_households - n_cadres - n_projects)

    def households():
        for n in range(1, n_households + 1):
            status = r.choice(["active"] * 75 + ["exited"] * 24 + ["removed"])
            row = {"household_id": f"H{n:07d}", "village_code": f"V{r.randint(1, 400):04d}", "head_name": g.person(),
                   "status": status}
            if status != "active" and r.random() < 0.9:
                row["status_changed_on"] = day_text(g.day())
            yield g.maybe_break(row, [("status", "poor"), ("status_changed_on", "2025-13-01")])

    cadre_households = []  # PA-03 targets for the heavy profile

    def cadres():
        for n in range(1, n_cadres + 1):
            row = {"cadre_id": f"C{n:06d}", "name": g.person(), "unit_code": g.unit(), "post": r.choice(["村支书", "村主任", "会计", "组长"]),
                   "household_id": f"H{r.randint(1, n_households):07d}" if r.random() < 0.1 else ""}
            if row["household_id"]:
                cadre_households.append(row["household_id"])
            yield row

    def projects():
        for n in range(1, n_projects + 1):
            arrived = g.day()
            planned = arrived + r.randint(60, 400)
            row = {"project_id": f"P{n:06d}", "unit_code": g.unit(), "name": r.choice(PLACES) + r.choice(["产业园", "道路硬化", "饮水工程", "光伏电站", "冷链仓储"]),
                   "budget": yuan(r.randint(150000, 600000) * 100), "funds_arrived_on": day_text(arrived) if r.random() < 0.9 else "",
                   "planned_completion": day_text(planned)}
            if g.heavy:  # half the projects: funds held (PA-04), over budget (PA-05) or late (PA-06)
                rule = r.choice(["PA-04", "PA-05", "PA-06"]) if g.breaks(0) else ""
                if rule == "PA-04":
                    row["funds_arrived_on"] = day_text(YEAR_START + r.randrange(200))
                    row["planned_completion"] = day_text(YEAR_START + DAYS_IN_YEAR + r.randint(30, 300))
                elif rule == "PA-06":
                    row["funds_arrived_on"] = ""
                    row["planned_completion"] = day_text(YEAR_START + r.randrange(DAYS_IN_YEAR - 1))
                else:
                    row["actual_completion"] = day_text(YEAR_START + r.randrange(DAYS_IN_YEAR))
                    row["budget"] = yuan(r.randint(500, 2000) * 100) if rule == "PA-05" else yuan(r.randint(5000000, 9000000) * 100)
                yield row
                continue
            if r.random() < 0.6:
                row["actual_completion"] = day_text(planned + r.randint(-30, 60))
            yield row

    def payments():
        n = 0
        while n < n_payments:
            n += 1
            household = f"H{r.randint(1, n_households + n_households // 500):07d}"  # a few not on the list
            # Heavy profile: half the payments to an unlisted household (PA-01), paid twice (PA-02)
            # or to a cadre's household (PA-03); the others to a listed one, once.
            rule = (r.choice(["PA-01", "PA-02", "PA-03"]) if g.breaks(0) else "") if g.heavy else ""
            if g.heavy:
                household = (f"H{n_households + 1 + r.randrange(1000):07d}" if rule == "PA-01" else
                             r.choice(cadre_households) if rule == "PA-03" and cadre_households else
                             f"H{r.randint(1, n_households):07d}")
            day = g.day()
            row = {"payment_id": f"Y{n:08d}", "unit_code": g.unit(), "project_id": f"P{r.randint(1, n_projects):06d}" if r.random() < 0.7 else "",
                   "program": r.choice(PROGRAMS), "household_id": household, "payee_name": g.person(),
                   "amount": yuan(r.randint(10000, 500000)), "paid_on": day_text(day)}
            yield g.maybe_break(row, [("amount", "-20"), ("paid_on", ""), ("payment_id", f"Y{max(1, n - 1):08d}")])
            if (rule == "PA-02" or (not g.heavy and r.random() < 0.005)) and n < n_payments:  # paid twice in the same month
                n += 1
                twin = dict(row, payment_id=f"Y{n:08d}", paid_on=day_text(YEAR_START + (day - YEAR_START) // 31 * 31))
                yield twin

    write(folder, "households.csv", ["household_id", "village_code", "head_name", "status", "status_changed_on"], households())
    write(folder, "cadres.csv", ["cadre_id", "name", "unit_code", "post", "household_id"], cadres())
    write(folder, "projects.csv", ["project_id", "unit_code", "name", "budget", "funds_arrived_on", "planned_completion",
                                   "actual_completion"], projects())
    write(folder, "payments.csv", ["payment_id", "unit_code", "project_id", "program", "household_id", "payee_name", "amount",
                                   "paid_on"], payments())


def business_environment(g, folder, rows):
    r = g.r
    n_approvals, n_postings, n_complaints = rows // 2, max(5, rows // 10), max(5, rows // 5)
    n_arrears = max(5, rows - n_approvals - n_postings - n_complaints)

    def approvals():
        for n in range(1, n_approvals + 1):
            received = g.day()
            late = g.heavy and g.breaks(0)  # heavy profile: BE-01 for half the cases
            still_open = not g.heavy and r.random() < 0.02
            if still_open:  # open cases were mostly received in the last days before as_of
                received = YEAR_START + DAYS_IN_YEAR - 1 - r.randint(0, 12)
            row = {"case_id": f"A{n:08d}", "unit_code": g.unit(60), "item": r.choice(ITEMS), "applicant": g.enterprise(),
                   "received_on": day_text(received), "time_limit_days": str(r.choice([1, 3, 5, 7, 10, 15, 20]) if r.random() < 0.98 else 0)}
            if g.heavy:
                row["completed_on"] = day_text(received + (r.randint(45, 90) if late else 0))
            elif not still_open:
                row["completed_on"] = day_text(received + r.choice([0, 1, 1, 2, 2, 3, 3, 4, 5, 7, 8, 12, 20, 30] if r.random() < 0.03 else [0, 1]))
            yield g.maybe_break(row, [("time_limit_days", "-1"), ("time_limit_days", "五")])

    def postings():
        for n in range(1, n_postings + 1):
            since = YEAR_START - r.randint(0, 6 * 365)
            row = {"staff_id": f"S{n:07d}", "name": g.person(), "unit_code": g.unit(60), "post": r.choice(["行政许可", "审核验收", "综合", "财务"]),
                   "key_post": r.choice(["yes", "no", "no"]), "since": day_text(since)}
            if g.heavy:  # half the key posts held for 5 to 9 years (BE-02), the others for under 4
                row["key_post"] = "yes"
                row["since"] = day_text(YEAR_START - (r.randint(5 * 366, 9 * 365) if g.breaks(0) else r.randint(0, 4 * 365)))
            yield row

    def complaints():
        for n in range(1, n_complaints + 1):
            received = g.day()
            unit = g.unit(max(50, n_complaints // 4))
            if g.heavy:  # half the complaints pile up on 30 units (BE-03 every month); the rest spread thin
                unit = g.unit(30) if g.breaks(0) else f"U{r.randint(31, 30 + max(50, n_complaints // 2)):04d}"
            row = {"complaint_id": f"Q{n:07d}", "unit_code": unit, "enterprise": g.enterprise(),
                   "category": r.choice(["审批慢", "乱收费", "吃拿卡要", "政策不兑现"]), "received_on": day_text(received)}
            if r.random() < 0.8:
                row["resolved_on"] = day_text(received + r.randint(1, 40))
            yield row

    def arrears():
        for n in range(1, n_arrears + 1):
            due = g.day()
            row = {"contract_id": f"K{n:07d}", "unit_code": g.unit(60), "enterprise": g.enterprise(),
                   "amount": yuan(r.randint(100000, 50000000)), "due_on": day_text(due)}
            if g.heavy:  # half the contracts paid 31-90 days late or never (BE-04)
                if g.breaks(0):
                    if r.random() < 0.7:
                        row["paid_on"] = day_text(due + r.randint(31, 90))
                    else:
                        row["due_on"] = day_text(YEAR_START + r.randrange(DAYS_IN_YEAR - 40))
                else:
                    row["paid_on"] = day_text(due + r.randint(-20, 30))
            elif r.random() < 0.99:
                row["paid_on"] = day_text(due + r.randint(-20, 25 if r.random() < 0.98 else 90))
            yield g.maybe_break(row, [("amount", "1.234"), ("due_on", "2025-6-1")])

    write(folder, "approvals.csv", ["case_id", "unit_code", "item", "applicant", "received_on", "completed_on", "time_limit_days"], approvals())
    write(folder, "postings.csv", ["staff_id", "name", "unit_code", "post", "key_post", "since"], postings())
    write(folder, "complaints.csv", ["complaint_id", "unit_code", "enterprise", "category", "received_on", "resolved_on"], complaints())
    write(folder, "arrears.csv", ["contract_id", "unit_code", "enterprise", "amount", "due_on", "paid_on"], arrears())


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("plugin", choices=["four_styles", "poverty_alleviation", "business_environment"])
    parser.add_argument("out")
    parser.add_argument("--rows", type=int, default=750000)
    parser.add_argument("--seed", type=int, default=20260315)
    parser.add_argument("--profile", choices=["usual", "heavy"], default="usual")
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    globals()[args.plugin](Gen(args.seed, heavy=args.profile == "heavy"), args.out, args.rows)
    with open(os.path.join(args.out, "calendar.json"), "w", encoding="utf-8") as f:
        json.dump({"years": [2025], "holidays": HOLIDAYS_2025, "workdays": WORKDAYS_2025}, f, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main()
