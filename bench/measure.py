#!/usr/bin/env python3
"""Runs a command several times and prints its best wall-clock time and its peak memory.

Usage: measure.py REPEAT OUT ERR -- COMMAND... [--- OUT ERR -- COMMAND...]...
  OUT, ERR  files receiving the command's stdout and stderr (those of the last run)
Prints one line per command: "<best seconds> <median seconds> <peak resident KiB>".

Several commands (each after a "---") run in rounds: each once, in the order given, then again,
REPEAT rounds. Runs of one sub-second command one right after another are not independent on a
shared virtual machine: its slow moments last seconds (bench/README.md, "Runs a moment apart are
one sample"), so the best of three such runs is often one slow moment measured three times. In
rounds, the runs of each command lie as far apart as the other commands take.

The time is taken around fork and wait with a monotonic nanosecond clock, so a run of
0.13 s is told from one of 0.14 s (/usr/bin/time prints hundredths only). The peak memory is
the largest resident set of the command and everything it waited for, as wait4 reports it.
Exits 1, naming the command, when any run fails.

With BENCH_MEMORY=cold each run gets memory the machine has not used lately, as on a machine
freshly started (cold_memory.py; bench/README.md, "Memory not used lately").
"""
import os
import statistics
import subprocess
import sys
import time


def run_once(command, out_path, err_path):
    with open(out_path, "wb") as out, open(err_path, "wb") as err:
        start = time.perf_counter_ns()
        child = subprocess.Popen(command, stdout=out, stderr=err)
        _, status, usage = os.wait4(child.pid, 0)
        seconds = (time.perf_counter_ns() - start) / 1e9
    child.returncode = os.waitstatus_to_exitcode(status)
    return seconds, usage.ru_maxrss, child.returncode


class Ballast:
    """cold_memory.py in its own process: before each run, the memory used lately is held there."""

    def __init__(self):
        here = os.path.dirname(os.path.abspath(__file__))
        self.process = subprocess.Popen([sys.executable, os.path.join(here, "cold_memory.py")],
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        self.warned = False

    def hold(self):
        self.process.stdin.write("hold\n")
        self.process.stdin.flush()
        reply = self.process.stdout.readline().split()
        if len(reply) != 2:
            raise RuntimeError("cold_memory.py 意外退出，未能占住内存 / cold_memory.py ended unexpectedly")
        held, reached = reply
        if reached != "cold" and not self.warned:
            sys.stderr.write(f"cold_memory.py 占住 {held} MiB 后停下，仍未遇到久未使用的内存（再占下去可用内存将少于 4 GiB，"
                             "或已到 BENCH_COLD_MAX_MIB）：这次测量并非全在冷内存上 / stopped short of memory not used lately\n")
            self.warned = True

    def close(self):
        self.process.stdin.close()  # it gives everything back and ends
        self.process.wait()


USAGE = "用法：measure.py 次数 输出文件 错误输出文件 -- 命令… [--- 输出文件 错误输出文件 -- 命令…]…"


def parse_commands(words):
    """[(out, err, command)] from "OUT ERR -- COMMAND... [--- OUT ERR -- COMMAND...]"; ValueError
    naming the first group that is not of that form."""
    commands, group = [], []
    for word in words + ["---"]:
        if word != "---":
            group.append(word)
            continue
        if len(group) < 4 or group[2] != "--":
            raise ValueError(f"第 {len(commands) + 1} 条命令应写作「输出文件 错误输出文件 -- 命令…」，实际为「{' '.join(group)}」。{USAGE}")
        commands.append((group[0], group[1], group[3:]))
        group = []
    return commands


def main(argv):
    if len(argv) < 2 or not argv[1].isdigit() or int(argv[1]) < 1:
        given = f"为 {argv[1]!r}" if len(argv) > 1 else "未给出"
        sys.stderr.write(f"次数应为正整数，实际{given}。{USAGE}\n")
        return 2
    try:
        commands = parse_commands(argv[2:])
    except ValueError as refusal:
        sys.stderr.write(f"{refusal}\n")
        return 2
    repeat = int(argv[1])
    bound = os.environ.get("BENCH_COLD_MAX_MIB", "")
    if bound and not (bound.isdigit() and int(bound) > 0):
        sys.stderr.write(f"BENCH_COLD_MAX_MIB 应为正整数（MiB），实际为 {bound!r}。请改正或不设置它。\n")
        return 2
    ballast = Ballast() if os.environ.get("BENCH_MEMORY") == "cold" else None
    try:
        return measure(repeat, commands, ballast)
    finally:
        if ballast:
            ballast.close()


def measure(repeat, commands, ballast):
    times = [[] for _ in commands]
    peaks = [0] * len(commands)
    for _ in range(repeat):
        for k, (out_path, err_path, command) in enumerate(commands):
            if ballast:
                # The last run's output goes first: its pages, freed when the file is emptied, would
                # otherwise be the next run's first memory, used a moment ago.
                open(out_path, "wb").close()
                ballast.hold()
            seconds, kib, code = run_once(command, out_path, err_path)
            if code != 0:
                sys.stderr.write(f"{' '.join(command)} 运行失败（退出码 {code}），见 {err_path}\n")
                return 1
            times[k].append(seconds)
            peaks[k] = max(peaks[k], kib)
    for runs, peak in zip(times, peaks):
        print(f"{min(runs):.4f} {statistics.median(runs):.4f} {peak}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
