#!/usr/bin/env python3
"""What a page of memory this machine has not used lately costs, on one core and on two at once:
the first write to each page of 64 MiB, by one process, then by two at once (32 MiB each), each
time right after cold_memory.py has held back the memory used lately (as `bench/run.sh --memory
cold` does before every run). Prints the cost per page, of wall clock over all pages and of each
writer's own time over its own pages.

It checks the cold method itself: if one writer paid about what fault_cost.py reports (memory
used a moment ago), the memory held back was not enough; if two writers' wall clock per page
were not about half of one's, a check's two threads could not share the cost
(bench/README.md, "Memory not used lately, on both cores").

Usage: bench/cold_pages.py [ROUNDS]     (default 3; ROUNDS pairs of measurements)
"""
import mmap
import multiprocessing
import os
import queue
import statistics
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from measure import Ballast  # noqa: E402  (the same holder of memory used lately as the benchmark's)

SIZE = 64 << 20
PAGE = 4096


def touch(size, start_gate, times):
    """Maps `size` fresh bytes, waits at the gate, writes each page once; reports (start, end)."""
    m = mmap.mmap(-1, size)
    start_gate.wait()
    start = time.perf_counter()
    for i in range(0, size, PAGE):
        m[i] = 1
    times.put((start, time.perf_counter()))
    m.close()


def per_page(writers):
    """Microseconds per page for `writers` processes sharing SIZE bytes: of wall clock over all
    pages, and of each writer's own time over its own pages (the slowest writer's)."""
    gate = multiprocessing.Barrier(writers)
    times = multiprocessing.Queue()
    share = SIZE // writers
    procs = [multiprocessing.Process(target=touch, args=(share, gate, times)) for _ in range(writers)]
    for p in procs:
        p.start()
    try:
        spans = [times.get(timeout=300) for _ in procs]
    except queue.Empty:
        for p in procs:
            p.kill()
        raise SystemExit("cold_pages.py：写入进程 5 分钟内未报告用时（可能因内存不足而退出）/ a writer never reported")
    for p in procs:
        p.join()
    wall = max(end for _, end in spans) - min(start for start, _ in spans)
    own = max(end - start for start, end in spans)
    return wall * 1e6 / (SIZE // PAGE), own * 1e6 / (share // PAGE)


def main(argv):
    if len(argv) > 2 or (len(argv) == 2 and not (argv[1].isdigit() and int(argv[1]) > 0)):
        sys.stderr.write(f"用法：bench/cold_pages.py [轮数]，轮数为正整数（默认 3），实际为 {' '.join(argv[1:])!r}。\n")
        return 2
    rounds = int(argv[1]) if len(argv) == 2 else 3
    ballast = Ballast()
    results = {1: [], 2: []}
    try:
        for _ in range(rounds):
            for writers in (1, 2):
                ballast.hold()
                results[writers].append(per_page(writers))
    finally:
        ballast.close()
    for writers, costs in results.items():
        walls = " / ".join(f"{wall:.1f}" for wall, _ in costs)
        owns = " / ".join(f"{own:.1f}" for _, own in costs)
        print(f"{writers} 个进程 / process(es): 全部页面按墙钟每页 / wall clock per page {walls} µs"
              f"（中位数 / median {statistics.median(w for w, _ in costs):.1f}）；各进程自己每页 / each writer's own {owns} µs")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
