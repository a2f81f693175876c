"""What every browser test needs: a seeded database made with the built `patrol` as a user
would, `patrol serve` on a free port, headless chromium at a given width, signing in, and
screenshots written into the build folder. Each test script imports it."""

import argparse
import ctypes
import os
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
import traceback
import urllib.request

from selenium import webdriver
from selenium.common.exceptions import StaleElementReferenceException, WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

PASSWORD = "Secret-Pass-2026"
CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"


def arguments():
    parser = argparse.ArgumentParser()
    parser.add_argument("--patrol", required=True, help="the built patrol executable")
    parser.add_argument("--out", required=True, help="folder for screenshots")
    return parser.parse_args()


PR_SET_PDEATHSIG = 1


def ends_with_parent(parent):
    """For subprocess's preexec_fn: the child gets SIGTERM when the process that started it ends,
    however it ends. If that process is already gone by the time the child gets here, the child
    ends at once rather than living on as an orphan."""

    def arrange():
        libc = ctypes.CDLL(None, use_errno=True)
        if libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0) != 0:
            os._exit(127)
        if os.getppid() != parent:
            os._exit(127)

    return arrange


class World:
    """A database in a fresh temporary folder, filled through the CLI."""

    def __init__(self, patrol):
        self.patrol = patrol
        self.folder = tempfile.mkdtemp(prefix="patrol-web-")
        self.db = os.path.join(self.folder, "patrol.db")
        self.env = dict(os.environ, PATROL_DB=self.db)
        self.env.pop("PATROL_USER", None)

    def run(self, *args, stdin=None, user=None):
        command = [self.patrol] + (["--user", user] if user else []) + list(args)
        done = subprocess.run(command, env=self.env, input=stdin, capture_output=True, text=True)
        if done.returncode != 0:
            raise AssertionError(f"{' '.join(command)} exited {done.returncode}: {done.stderr}")
        return done.stdout

    def set_password(self, name, password=PASSWORD):
        self.run("user", "password", name, stdin=password + "\n")

    def age_sessions(self):
        """Every session of the database as if its last request was years ago: expired."""
        with sqlite3.connect(self.db) as db:
            db.execute("UPDATE sessions SET created_at = '2001-01-01T00:00:00Z', last_seen_at = '2001-01-01T00:00:00Z'")

    def remove(self):
        shutil.rmtree(self.folder, ignore_errors=True)


class Server:
    """`patrol serve --port 0`: the address is read from its start line. The server writes to a
    file of the world's folder, never to a pipe of ours: an inherited pipe of ctest would keep
    ctest waiting for as long as the server lives. And the server is told to end when this
    process does, even if this process is killed and never reaches stop()."""

    def __init__(self, world, seconds=60):
        self.log_path = os.path.join(world.folder, "serve.log")
        with open(self.log_path, "w") as log:
            self.process = subprocess.Popen([world.patrol, "serve", "--port", "0"], env=world.env,
                                            stdin=subprocess.DEVNULL, stdout=log, stderr=log,
                                            preexec_fn=ends_with_parent(os.getpid()))
        deadline = time.monotonic() + seconds
        found = None
        while not found:
            with open(self.log_path, encoding="utf-8", errors="replace") as log:
                text = log.read()
            found = re.search(r"(https?://[^\s（]+/)", text)
            if found:
                break
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.stop()
                raise AssertionError(f"patrol serve did not start: {text}")
            time.sleep(0.05)
        self.url = found.group(1).rstrip("/")

    def stop(self):
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def headers(self, path):
        with urllib.request.urlopen(self.url + path) as answer:
            return answer.headers


def browser(width, height=900, downloads=None):
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                 f"--window-size={width},{height}", "--lang=zh-CN", "--force-device-scale-factor=1"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    driver.set_window_size(width, height)
    if downloads:
        driver.execute_cdp_cmd("Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": downloads})
    return driver


def wait_for(driver, condition, what, seconds=20):
    return WebDriverWait(driver, seconds).until(condition, message=what)


def wait_path(driver, path):
    """Waits until the browser shows `path` (without the query)."""
    wait_for(driver, lambda d: d.current_url.split("?")[0].endswith(path), f"expected to arrive at {path}")


def sign_in(driver, name, password=PASSWORD):
    driver.find_element(By.ID, "name").clear()
    driver.find_element(By.ID, "name").send_keys(name)
    driver.find_element(By.ID, "password").send_keys(password)
    submit(driver, "#signin-form button[type=submit]")


def submit(driver, css):
    """Clicks the button `css` and waits for the next page."""
    page = driver.find_element(By.TAG_NAME, "html")
    driver.find_element(By.CSS_SELECTOR, css).click()
    wait_for(driver, lambda d: replaced(page), f"{css} did not answer")
    wait_for(driver, lambda d: d.execute_script("return document.readyState") == "complete", f"{css}: the next page did not load")


def replaced(element):
    """Whether the page holding `element` has been replaced by another. While the browser swaps
    pages chromedriver may also answer that the node no longer belongs to the document."""
    try:
        element.is_enabled()
        return False
    except StaleElementReferenceException:
        return True
    except WebDriverException as e:
        if "does not belong to the document" in str(e):
            return True
        raise


def screenshot(driver, out, name):
    """The whole page at the window's width, saved as <out>/<name>-<width>.png."""
    os.makedirs(out, exist_ok=True)
    width = driver.execute_script("return window.innerWidth")
    height = driver.execute_script("return document.documentElement.scrollHeight")
    driver.set_window_size(driver.get_window_size()["width"], max(height + 120, 600))
    path = os.path.join(out, f"{name}-{width}.png")
    driver.save_screenshot(path)
    return path


def fits_width(driver):
    """No sideways scrolling: the page is no wider than the window."""
    return driver.execute_script("return document.documentElement.scrollWidth <= window.innerWidth")


def tear_down(drivers, server, world):
    """Ends what a test started, whatever state it stopped in: browsers, then the server, then
    the temporary world (database, config, files)."""
    for driver in drivers:
        driver.quit()
    if server:
        server.stop()
    world.remove()


def main(steps):
    """Runs the named steps in order; prints each, exits 1 with the failure's trace."""
    for name, step in steps:
        try:
            step()
            print(f"ok - {name}", flush=True)
        except Exception:
            print(f"FAILED - {name}", flush=True)
            traceback.print_exc()
            return 1
    return 0
