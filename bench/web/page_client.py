"""What the page benchmarks share: one HTTP request to the server as a browser asking for HTML
would make it, timed, and signing in through the form to get a session cookie."""
import http.client
import re
import sys
import time
import urllib.parse


class PageClient:
    def __init__(self, base):
        self.url = urllib.parse.urlsplit(base)

    def request(self, method, path, cookie=None, body=None):
        """Returns the reply, its body and the seconds from sending to the last byte read."""
        conn = http.client.HTTPConnection(self.url.hostname, self.url.port, timeout=60)
        headers = {"Accept": "text/html"}
        if cookie:
            headers["Cookie"] = "patrol_session=" + cookie
        if body is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        start = time.perf_counter()
        conn.request(method, path, body=body, headers=headers)
        reply = conn.getresponse()
        data = reply.read()
        elapsed = time.perf_counter() - start
        conn.close()
        return reply, data, elapsed

    def sign_in(self, name, password):
        """The session cookie of NAME; exits with the server's answer when signing in fails."""
        body = urllib.parse.urlencode({"name": name, "password": password, "next": "/"})
        reply, data, _ = self.request("POST", "/signin", body=body)
        cookie = re.search(r"patrol_session=([^;]*)", reply.getheader("Set-Cookie") or "")
        if reply.status != 303 and reply.status != 302 or not cookie:
            sys.exit("以 %s 登录失败（HTTP %d）：%s" % (name, reply.status, data[:300].decode("utf-8", "replace")))
        return cookie.group(1)
