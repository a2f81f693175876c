#!/usr/bin/env python3
"""Holds the memory this machine has used lately, so that the next command gets memory it has not.

On the virtual machines Patrol is measured on, the first write to a page of memory the guest has
not used lately (never since it started, or given back to the host by free page reporting) costs
10-12 µs; a page freed a moment ago costs 1-2 µs (bench/README.md, "Memory not used lately"). A
benchmark run after others mostly gets pages of the second kind, a machine freshly started only
the first kind. `bench/run.sh --memory cold` measures every command as on the fresh machine:
before each run this process writes to new memory a slice at a time, and keeps it, until two
slices in a row cost more than COLD µs a page, on each core in turn (each core keeps pages freed
on it for its own next allocations), so the memory left for the command is memory not used
lately. It stops short, and says so, rather than leave less than KEEP_FREE available or hold more
than BENCH_COLD_MAX_MIB (unset: no such bound; the smoke test sets a small one).

Run by measure.py as a separate process (a command it starts must not inherit the memory held):
each line "hold" on stdin is answered with one line, "<MiB held> cold" or "<MiB held> short".
Everything is given back when stdin closes.
"""
import mmap
import os
import sys
import time

PAGE = 4096
SLICE = 64 << 20
COLD = 5.0                # µs a page; recently used pages cost 1-2 µs here, the others 10-12
COLD_IN_A_ROW = 2         # one cold slice can be a few cold pages among warm ones
KEEP_FREE = 4 << 30       # bytes that stay available for the command measured


def available():
    with open("/proc/meminfo") as f:
        for line in f:
            if line.startswith("MemAvailable:"):
                return int(line.split()[1]) * 1024
    return 0


def write_slice():
    """A new slice with every page written once, and what a page of it cost in µs."""
    m = mmap.mmap(-1, SLICE)
    start = time.perf_counter()
    for i in range(0, SLICE, PAGE):
        m[i] = 1
    return m, (time.perf_counter() - start) / (SLICE // PAGE) * 1e6


def hold_here(slices, most):
    """Grows `slices` on the current core until its new pages are memory not used lately; False
    when it stopped short."""
    cold = 0
    while cold < COLD_IN_A_ROW:
        if available() - SLICE < KEEP_FREE or (len(slices) + 1) * SLICE > most:
            return False
        m, cost = write_slice()
        slices.append(m)
        cold = cold + 1 if cost > COLD else 0
    return True


def hold(slices, most):
    """hold_here on each core in turn. Each core keeps pages freed on it a moment ago for its own
    next allocations: held from one core only, a command's thread on the other core still got
    recently used pages (1.7-7.5 µs a page against 17-32 µs on the first; bench/README.md,
    "Memory not used lately, on both cores")."""
    cores = sorted(os.sched_getaffinity(0))
    try:
        for core in cores:
            os.sched_setaffinity(0, {core})
            if not hold_here(slices, most):
                return False
        return True
    finally:
        os.sched_setaffinity(0, set(cores))


def main():
    most = int(os.environ["BENCH_COLD_MAX_MIB"]) << 20 if os.environ.get("BENCH_COLD_MAX_MIB") else float("inf")
    slices = []
    for line in sys.stdin:
        if line.strip() != "hold":
            continue
        reached = hold(slices, most)
        print(f"{len(slices) * SLICE >> 20} {'cold' if reached else 'short'}", flush=True)


if __name__ == "__main__":
    main()
