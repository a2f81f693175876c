"""What the plugin scripts here share: `patrol check` run as a user runs it, and the verdict."""
import subprocess
import sys


def run_check(patrol, plugin, data, as_of):
    """`patrol check` of `plugin` over the folder `data`, JSONL on stdout; the finished process."""
    return subprocess.run([patrol, "check", "--plugin", plugin, "--data", data, "--as-of", as_of, "--format", "jsonl"],
                          capture_output=True, text=True, encoding="utf-8")


def finish(problems, run, ok):
    """Prints the problems and the check's stderr and exits 1, or prints `ok`."""
    if problems:
        print("\n".join(problems))
        print("--- stderr ---\n" + run.stderr)
        sys.exit(1)
    print(ok)
