#!/usr/bin/env python3
"""SQLite's own rate for a single writer: one INSERT and one COMMIT per transaction, for SECONDS
seconds, in a fresh database file in DIR (the disk the benchmark database is on). The settings are
patrol's (core/store/database.cpp): journal_mode WAL, and synchronous left at the library's
default, which patrol does not change either; the same libsqlite3 serves both.

Usage: sqlite_baseline.py DIR SECONDS
Prints one line: "commits=N seconds=S rate=R synchronous=V journal_mode=M".
"""
import os
import sqlite3
import sys
import time


def main():
    folder, seconds = sys.argv[1], float(sys.argv[2])
    path = os.path.join(folder, "sqlite-baseline.db")
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(path + suffix):
            os.remove(path + suffix)
    db = sqlite3.connect(path, isolation_level=None)
    mode = db.execute("PRAGMA journal_mode = WAL").fetchone()[0]
    synchronous = db.execute("PRAGMA synchronous").fetchone()[0]
    # A row shaped like a progress report.
    db.execute("CREATE TABLE reports (id INTEGER PRIMARY KEY, task_id INTEGER NOT NULL, reported_on TEXT NOT NULL, "
               "percent INTEGER NOT NULL, narrative TEXT NOT NULL)")
    note = "已退还礼品，正在修订礼品管理制度"
    commits = 0
    start = time.monotonic()
    deadline = start + seconds
    while time.monotonic() < deadline:
        db.execute("BEGIN IMMEDIATE")
        db.execute("INSERT INTO reports (task_id, reported_on, percent, narrative) VALUES (?, date('now'), ?, ?)",
                   (commits % 50000 + 1, commits % 101, note))
        db.execute("COMMIT")
        commits += 1
    elapsed = time.monotonic() - start
    db.close()
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(path + suffix):
            os.remove(path + suffix)
    print("commits=%d seconds=%.3f rate=%.1f synchronous=%d journal_mode=%s" %
          (commits, elapsed, commits / elapsed, synchronous, mode))


if __name__ == "__main__":
    main()
