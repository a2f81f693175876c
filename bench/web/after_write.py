#!/usr/bin/env python3
"""The dashboard's time after the two kinds of commit a running server meets: the sign-in
bookkeeping (a session refreshed, as the server does once a minute) and a record written by another
process (the CLI). Signs in as NAME, warms the dashboard, then for each kind commits once and times
the next two requests. Prints one line per request: WHAT MS.
Usage: after_write.py BASE_URL NAME PASSWORD DB PATROL UNIT_CODE"""
import sqlite3
import subprocess
import sys

from page_client import PageClient

base, name, password, db_path, patrol, unit = sys.argv[1:7]
client = PageClient(base)
cookie = client.sign_in(name, password)


def dashboard(what):
    reply, _, elapsed = client.request("GET", "/dashboard", cookie)
    if reply.status != 200:
        sys.exit("/dashboard 得到 HTTP %d" % reply.status)
    print("%-40s %8.2f" % (what, elapsed * 1000))


for _ in range(3):
    dashboard("缓存命中（预热）")
# The session's last request moved two minutes back: a commit to sessions only, after which the
# server's next request refreshes it (a second such commit), as it does once a minute.
db = sqlite3.connect(db_path, timeout=30)
db.execute("UPDATE sessions SET last_seen_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-120 seconds')")
db.commit()
db.close()
dashboard("会话刷新后第 1 次")
dashboard("会话刷新后第 2 次")
subprocess.run([patrol, "unit", "edit", unit, "--name", "基准更名单位"], check=True, stdout=subprocess.DEVNULL,
               env={"PATROL_DB": db_path, "PATH": "/usr/bin:/bin"})
dashboard("另一进程写入记录后第 1 次")
dashboard("另一进程写入记录后第 2 次")
