#!/usr/bin/env python3
"""Signs in as each role and fetches each main page once, as a browser would: checks it answers
200, and prints one line per page for run.sh: ROLE PATH COOKIE HTML_BYTES ASSET_BYTES ASSETS.
ASSET_BYTES sums the page's own stylesheets and scripts (Chart.js excluded, as the budget says).
Usage: pages.py BASE_URL PASSWORD USERS_TSV   (USERS_TSV: role<TAB>name<TAB>path path ...)"""
import re
import sys

from page_client import PageClient

base, password, users = sys.argv[1], sys.argv[2], sys.argv[3]
client = PageClient(base)

asset_sizes = {}
for line in open(users, encoding="utf-8"):
    role, name, paths = line.rstrip("\n").split("\t")
    cookie = client.sign_in(name, password)
    for path in paths.split():
        reply, html, _ = client.request("GET", path, cookie)
        if reply.status != 200:
            sys.exit("%s 打开 %s 得到 HTTP %d（应为 200）：%s" % (role, path, reply.status, html[:300].decode("utf-8", "replace")))
        assets = [a for a in re.findall(rb'(?:href|src)="(/static/[^"]+\.(?:css|js))"', html) if b"chart" not in a.lower()]
        total = 0
        for a in assets:
            if a not in asset_sizes:
                asset_reply, body, _ = client.request("GET", a.decode(), cookie)
                if asset_reply.status != 200:
                    sys.exit("%s 引用的 %s 得到 HTTP %d" % (path, a.decode(), asset_reply.status))
                asset_sizes[a] = len(body)
            total += asset_sizes[a]
        names = ",".join(a.decode().rsplit("/", 1)[1] for a in assets) or "-"
        print("%s\t%s\t%s\t%d\t%d\t%s" % (role, path, cookie, len(html), total, names))
