"""The browser harness's server must not outlive a harness that is killed: ctest kills a test
that runs past its time, and a server left behind would hold its port, its database and, if it
had inherited ctest's output pipe, ctest itself. This starts a harness process, kills it with
SIGKILL (no clean-up runs) and checks that its output pipe closes and the server ends."""

import os
import shutil
import signal
import subprocess
import sys
import time

import browser_harness as h

HARNESS = """
import sys
sys.path.insert(0, {here!r})
import browser_harness as h
world = h.World({patrol!r})
world.run("init")
server = h.Server(world)
print(server.process.pid, world.folder, flush=True)
server.process.wait()
"""


def gone(pid):
    """Whether the process has ended (a zombie waiting for its reaper has ended too)."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] == "Z"
    except FileNotFoundError:
        return True


def killed_harness_ends_its_server(patrol):
    here = os.path.dirname(os.path.abspath(__file__))
    harness = subprocess.Popen([sys.executable, "-c", HARNESS.format(here=here, patrol=patrol)],
                               stdout=subprocess.PIPE, text=True)
    pid, folder = harness.stdout.readline().split()
    pid = int(pid)
    try:
        assert not gone(pid), "the server should run while the harness does"
        harness.send_signal(signal.SIGKILL)
        harness.wait()
        # The pipe reaches its end only when no process holds it any more: not the server either.
        assert harness.stdout.read() == ""
        deadline = time.monotonic() + 20
        while not gone(pid) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert gone(pid), f"patrol serve (pid {pid}) outlived the killed harness"
    finally:
        if not gone(pid):
            os.kill(pid, signal.SIGKILL)
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    args = h.arguments()
    sys.exit(h.main([("a killed harness takes its server with it", lambda: killed_harness_ends_its_server(args.patrol))]))
