#!/usr/bin/env python3
"""Concurrent writers: many patrol processes write to one database at once.

Usage: writers.py PATROL WORK [--writers 16] [--seconds 30] [--rows 60000] [--busy-timeout-ms N]

Builds a database like the demo one (patrol demo, 300 units U0001..U0300 imported, a round of
suspected findings recorded by a check), then runs WRITERS loops of the patrol command for
SECONDS, each loop one process at a time:
  check     (3)  round create + round target (300 units) + check --round over a generated
                 four_styles ledger of ROWS rows: every iteration records its findings anew
  progress  (4)  task progress with an evidence file, as the unit user of the task
  add       (3)  finding add
  confirm   (2)  finding confirm of a suspected finding (each loop its own findings)
  dismiss   (2)  finding dismiss of a suspected finding with a reason
  escalate  (2)  escalate (三色预警 of every open task)
With fewer than 16 writers the kinds are taken in that order, round robin.

Prints the CPU model, cores and load, then per kind and in total: successes, failures, p50 /
p95 / max latency of one command (wall clock around the process), writes per second; the
first line of each distinct failure; and the result of `patrol audit verify` at the end.
Exits 1 when the setup fails. The numbers are printed, never judged: the caller decides.
"""
import argparse
import csv
import io
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
KINDS = ["check", "progress", "add", "confirm", "dismiss", "escalate"]
MIX = ["check"] * 3 + ["progress"] * 4 + ["add"] * 3 + ["confirm"] * 2 + ["dismiss"] * 2 + ["escalate"] * 2
UNITS = [f"U{n:04d}" for n in range(1, 301)]
# The demo's unit user of 河塘镇, whose 2026-R1 findings became rectification tasks.
UNIT_USER = "赵敏"


class Patrol:
    def __init__(self, binary, db, config):
        self.binary, self.db, self.config = binary, db, config

    def run(self, args, user=None):
        env = {k: v for k, v in os.environ.items() if k not in ("PATROL_USER", "PATROL_CONFIG", "PATROL_DB")}
        env["PATROL_DB"] = str(self.db)
        if self.config:
            env["PATROL_CONFIG"] = str(self.config)
        if user:
            env["PATROL_USER"] = user
        start = time.monotonic_ns()
        done = subprocess.run([self.binary] + args, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        return done.returncode, (time.monotonic_ns() - start) / 1e6, done.stdout.decode(), done.stderr.decode()

    def must(self, args, user=None):
        rc, _, out, err = self.run(args, user)
        if rc != 0:
            sys.exit(f"准备失败：patrol {' '.join(args[:3])} … 退出码 {rc}\n{err}")
        return out


def csv_rows(text):
    return list(csv.DictReader(io.StringIO(text)))


def setup(patrol, work, data):
    patrol.must(["demo"])
    units = work / "units.csv"
    with open(units, "w", encoding="utf-8") as f:
        f.write("code,name,kind,parent_code\n")
        for n, code in enumerate(UNITS, 1):
            f.write(f"{code},台账单位{n},township,QX\n")
    patrol.must(["unit", "import", str(units)])
    # Suspected findings for confirm and dismiss to decide.
    make_round(patrol, "W-S")
    patrol.must(check_args(data, "W-S"))
    suspected = [int(r["id"]) for r in csv_rows(patrol.must(["finding", "list", "--round", "W-S", "--status", "suspected",
                                                              "--format", "csv"]))]
    tasks = [int(r["id"]) for r in csv_rows(patrol.must(["task", "list", "--format", "csv"], user=UNIT_USER))]
    for task in tasks:  # progress is reported on a planned task
        patrol.must(["task", "plan", str(task), "--measure", "清退违规款项并建立台账", "--handler", "李明",
                     "--leader", "王强"], user=UNIT_USER)
    if not suspected or not tasks:
        sys.exit(f"准备失败：疑似问题 {len(suspected)} 个，整改任务 {len(tasks)} 个")
    return suspected, tasks


def make_round_args(code):
    return [["round", "create", "--code", code, "--title", f"并发写入测试 {code}", "--kind", "special",
             "--start", "2025-01-01", "--end", "2025-12-31", "--plugins", "four_styles"],
            ["round", "target", "--round", code, "--unit"] + UNITS]


def make_round(patrol, code):
    for args in make_round_args(code):
        patrol.must(args)


def check_args(data, code):
    return ["check", "--plugin", "four_styles", "--data", str(data), "--round", code, "--as-of", "2025-12-31",
            "--calendar", str(data / "calendar.json")]


class Results:
    def __init__(self):
        self.lock = threading.Lock()
        self.samples = []  # (kind, ok, ms)
        self.failures = {}  # first line of stderr -> count

    def add(self, kind, rc, ms, err):
        with self.lock:
            self.samples.append((kind, rc == 0, ms))
            if rc != 0:
                lines = err.strip().splitlines() or [f"退出码 {rc}"]
                # The refusal itself, not the check's list of rejected rows before it.
                line = next((l for l in lines if l.startswith("错误")), lines[-1])
                self.failures[line] = self.failures.get(line, 0) + 1


def writer(kind, index, patrol, data, work, decide, tasks, deadline, results):
    n = 0

    def run(args, user=None):
        rc, ms, _, err = patrol.run(args, user)
        results.add(kind, rc, ms, err)

    evidence = work / f"evidence-{index}.txt"
    evidence.write_text(f"整改佐证材料（写入者 {index}）\n" * 40, encoding="utf-8")
    while time.monotonic() < deadline:
        n += 1
        if kind == "check":
            code = f"W-C{index}-{n}"
            for args in make_round_args(code):
                run(args)
            run(check_args(data, code))
        elif kind == "progress":
            task = tasks[(index + n) % len(tasks)]
            run(["task", "progress", str(task), "--percent", str(min(n, 99)), "--note", f"第 {n} 次整改进展",
                 "--evidence", str(evidence)], UNIT_USER)
        elif kind == "add":
            run(["finding", "add", "--round", "2026-R2", "--unit", "QX-SJJ", "--category", "营商环境",
                 "--title", f"并发写入问题 {index}-{n}", "--severity", "medium"])
        elif kind in ("confirm", "dismiss"):
            if not decide:
                break
            finding = str(decide.pop())
            if kind == "confirm":
                run(["finding", "confirm", finding])
            else:
                run(["finding", "dismiss", finding, "--reason", "经核实为正常业务往来"])
        elif kind == "escalate":
            run(["escalate"])


def percentile(values, p):
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(p / 100 * len(ordered) + 0.5) - 1))]


def load():
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def cpu_model():
    """The model name with its family and model numbers, as bench/options.sh's cpu_name."""
    fields = {}
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        key, _, value = line.partition(":")
        fields.setdefault(key.strip(), value.strip())
    name = fields.get("model name", "?")
    if "cpu family" in fields:
        name += f" (family {fields['cpu family']}, model {fields.get('model', '?')})"
    return name


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("patrol")
    parser.add_argument("work")
    parser.add_argument("--writers", type=int, default=16)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--rows", type=int, default=60000)
    parser.add_argument("--busy-timeout-ms", type=int)
    a = parser.parse_args()

    work = Path(a.work)
    work.mkdir(parents=True, exist_ok=True)
    data = work / f"four_styles-{a.rows}"
    if not (data / "expenses.csv").exists():
        subprocess.run([sys.executable, str(HERE / "generate.py"), "four_styles", str(data), "--rows", str(a.rows)],
                       check=True, stdout=subprocess.DEVNULL)
    db = work / "writers.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    config = None
    if a.busy_timeout_ms is not None:
        config = work / "writers.ini"
        config.write_text(f"[database]\nbusy_timeout_ms = {a.busy_timeout_ms}\n", encoding="utf-8")
    patrol = Patrol(a.patrol, db, config)
    suspected, tasks = setup(patrol, work, data)

    kinds = [MIX[i % len(MIX)] for i in range(a.writers)]
    # Each confirm or dismiss loop decides its own findings: none is decided twice.
    deciders = [i for i, k in enumerate(kinds) if k in ("confirm", "dismiss")]
    slices = {i: suspected[j::len(deciders)] for j, i in enumerate(deciders)} if deciders else {}
    results = Results()
    print(f"CPU: {cpu_model()}, {os.cpu_count()} 核 / cores; load before: {load()}")
    print(f"{a.writers} writers for {a.seconds:g} s, ledger {a.rows} rows, database {db}")
    start = time.monotonic()
    deadline = start + a.seconds
    threads = [threading.Thread(target=writer, args=(kind, i, patrol, data, work, slices.get(i, []), tasks, deadline, results))
               for i, kind in enumerate(kinds)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.monotonic() - start
    print(f"load after: {load()}; elapsed {elapsed:.1f} s")

    print(f"{'kind':<10} {'ok':>6} {'failed':>6} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}")
    for kind in KINDS + ["all"]:
        rows = [s for s in results.samples if kind == "all" or s[0] == kind]
        if not rows:
            continue
        ms = [s[2] for s in rows]
        ok = sum(1 for s in rows if s[1])
        print(f"{kind:<10} {ok:>6} {len(rows) - ok:>6} {percentile(ms, 50):>8.0f} {percentile(ms, 95):>8.0f} {max(ms):>8.0f}")
    total = len(results.samples)
    ok = sum(1 for s in results.samples if s[1])
    ms = [s[2] for s in results.samples]
    print(f"successes: {ok}")
    print(f"failures: {total - ok}")
    print(f"p50 latency: {percentile(ms, 50):.0f} ms")
    print(f"p95 latency: {percentile(ms, 95):.0f} ms")
    print(f"writes/s: {ok / elapsed:.1f}")
    for line, count in sorted(results.failures.items(), key=lambda kv: -kv[1]):
        print(f"  {count} × {line}")
    rc, _, out, err = patrol.run(["audit", "verify"])
    print(f"audit verify: exit {rc}: {(out + err).strip()}")


if __name__ == "__main__":
    main()
