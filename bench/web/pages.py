#!/usr/bin/env python3
"""Signs in as each role and fetches each main page once, as a browser would: checks it answers
200, and prints one line per page for run.sh: ROLE PATH COOKIE HTML_BYTES ASSET_BYTES ASSETS.
ASSET_BYTES sums the page's own stylesheets and scripts (Chart.js excluded, as the budget says).
Usage: pages.py BASE_URL PASSWORD USERS_TSV   (USERS_TSV: role<TAB>name<TAB>path path ...)"""
import http.client
import re
import sys
import urllib.parse

base, password, users = sys.argv[1], sys.argv[2], sys.argv[3]
url = urllib.parse.urlsplit(base)


def request(method, path, cookie=None, body=None):
    conn = http.client.HTTPConnection(url.hostname, url.port, timeout=60)
    headers = {"Accept": "text/html"}
    if cookie:
        headers["Cookie"] = "patrol_session=" + cookie
    if body is not None:
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    conn.request(method, path, body=body, headers=headers)
    reply = conn.getresponse()
    data = reply.read()
    conn.close()
    return reply, data


def sign_in(name):
    body = urllib.parse.urlencode({"name": name, "password": password, "next": "/"})
    reply, data = request("POST", "/signin", body=body)
    cookie = re.search(r"patrol_session=([^;]*)", reply.getheader("Set-Cookie") or "")
    if reply.status != 303 and reply.status != 302 or not cookie:
        sys.exit("以 %s 登录失败（HTTP %d）：%s" % (name, reply.status, data[:300].decode("utf-8", "replace")))
    return cookie.group(1)


asset_sizes = {}
for line in open(users, encoding="utf-8"):
    role, name, paths = line.rstrip("\n").split("\t")
    cookie = sign_in(name)
    for path in paths.split():
        reply, html = request("GET", path, cookie)
        if reply.status != 200:
            sys.exit("%s 打开 %s 得到 HTTP %d（应为 200）：%s" % (role, path, reply.status, html[:300].decode("utf-8", "replace")))
        assets = [a for a in re.findall(rb'(?:href|src)="(/static/[^"]+\.(?:css|js))"', html) if b"chart" not in a.lower()]
        total = 0
        for a in assets:
            if a not in asset_sizes:
                asset_reply, body = request("GET", a.decode(), cookie)
                if asset_reply.status != 200:
                    sys.exit("%s 引用的 %s 得到 HTTP %d" % (path, a.decode(), asset_reply.status))
                asset_sizes[a] = len(body)
            total += asset_sizes[a]
        names = ",".join(a.decode().rsplit("/", 1)[1] for a in assets) or "-"
        print("%s\t%s\t%s\t%d\t%d\t%s" % (role, path, cookie, len(html), total, names))
