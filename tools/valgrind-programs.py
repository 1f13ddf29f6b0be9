#!/usr/bin/env python3
"""`make test-valgrind`: oracle programs translated, then run under valgrind (memcheck).

usage: tools/valgrind-programs.py [--rpy PATH] [-j N] [--timeout S] [PATTERN...]

Each PATTERN selects the tests/programs/*.py whose name contains it (refuse_*.py never);
a PATTERN ending in `$` selects the one program of that name (without .py). For each
program: `python3 prog.py alpha beta` gives the expected stdout and exit status (as in
tests/oracle.rs, CPython is the oracle), `rpy translate prog.py` makes the binary (no
--jit: valgrind and generated machine code are another matter), and

    valgrind --error-exitcode=99 --leak-check=no -q BINARY alpha beta

must print the same stdout and exit with the same status. Status 99 means memcheck
found an error (invalid read or write, use of uninitialised memory, bad free...): its
report is shown. Leaks are not checked: without a GC the runtime never frees, and with
one the heap is released wholesale at exit.

The environment passes through to the binaries (RPY_GC_NURSERY=4096 for a GC that
collects often, say). Ends with `valgrind: N passed, M failed`; exit status 1 on any
failure.
"""

import argparse
import concurrent.futures
import os
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PROGRAMS = os.path.join(ROOT, "tests", "programs")
ARGS = ["alpha", "beta"]  # the oracle's fixed arguments (tests/oracle.rs)
VALGRIND = ["valgrind", "--error-exitcode=99", "--leak-check=no", "-q"]


def select(patterns):
    names = sorted(n[:-3] for n in os.listdir(PROGRAMS)
                   if n.endswith(".py") and not n.startswith("refuse_"))
    chosen = []
    for name in names:
        for p in patterns:
            if (p.endswith("$") and name == p[:-1]) or (not p.endswith("$") and p in name):
                chosen.append(name)
                break
    return chosen


def run(cmd, timeout, env=None, cwd=None):
    """(status or None on timeout, stdout bytes, stderr text)."""
    try:
        p = subprocess.run(cmd, stdin=subprocess.DEVNULL, capture_output=True,
                           timeout=timeout, env=env, cwd=cwd)
    except subprocess.TimeoutExpired as e:
        return None, e.stdout or b"", (e.stderr or b"").decode("utf-8", "replace")
    return p.returncode, p.stdout, p.stderr.decode("utf-8", "replace")


def tail(text, n):
    lines = text.splitlines()
    return "\n".join("    " + l for l in lines[-n:])


def check(name, rpy, timeout):
    """Returns (name, problem or None, seconds under valgrind)."""
    prog = os.path.join(PROGRAMS, name + ".py")
    with tempfile.TemporaryDirectory(prefix="rpy-valgrind-") as tmp:
        py_env = dict(os.environ, PYTHONPATH=os.path.join(ROOT, "lib"),
                      PYTHONIOENCODING="utf-8", PYTHONDONTWRITEBYTECODE="1",
                      PYTHONHASHSEED="0")
        status, expected, err = run(["python3", prog] + ARGS, 60, py_env, tmp)
        if status is None:
            return name, "python3 timed out", 0.0
        binary = os.path.join(tmp, "prog")
        tr, _, tr_err = run([rpy, "translate", prog, "-o", binary], 300,
                            dict(os.environ, PYTHONDONTWRITEBYTECODE="1"), tmp)
        if tr != 0:
            return name, "rpy translate failed (status %s):\n%s" % (tr, tail(tr_err, 15)), 0.0
        start = time.perf_counter()
        got, out, vg_err = run(VALGRIND + [binary] + ARGS, timeout, None, tmp)
        secs = time.perf_counter() - start
        if got is None:
            return name, "timed out under valgrind after %d s" % timeout, secs
        problems = []
        if got == 99 and status != 99:
            problems.append("memcheck found errors (exit status 99):\n" + tail(vg_err, 40))
        elif got != status:
            problems.append("exit status %d, CPython's %d\n%s" % (got, status, tail(vg_err, 10)))
        if out != expected:
            el = expected.decode("utf-8", "replace").splitlines()
            ol = out.decode("utf-8", "replace").splitlines()
            i = 0
            while i < min(len(el), len(ol)) and el[i] == ol[i]:
                i += 1
            problems.append("stdout differs at line %d: expected %r, got %r" % (
                i + 1, el[i] if i < len(el) else "<end>", ol[i] if i < len(ol) else "<end>"))
        return name, "\n".join(problems) or None, secs


def main(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("patterns", nargs="*", default=["gc_"])
    p.add_argument("--rpy", default=os.path.join(ROOT, "target", "release", "rpy"))
    p.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 2)
    p.add_argument("--timeout", type=float, default=300.0,
                   help="seconds a binary may run under valgrind (default 300)")
    opts = p.parse_args(argv)
    rpy = os.path.abspath(opts.rpy)
    if not os.path.exists(rpy):
        sys.exit("valgrind-programs: no translator at %s (make build)" % rpy)
    if subprocess.run(["valgrind", "--version"], capture_output=True).returncode != 0:
        sys.exit("valgrind-programs: valgrind is missing (tools/install-deps.sh valgrind)")
    names = select(opts.patterns)
    if not names:
        sys.exit("valgrind-programs: no program matches %s" % " ".join(opts.patterns))
    print("valgrind: %d programs, %d jobs" % (len(names), opts.jobs), flush=True)
    failed = []
    with concurrent.futures.ThreadPoolExecutor(max_workers=opts.jobs) as pool:
        futures = [pool.submit(check, n, rpy, opts.timeout) for n in names]
        for f in concurrent.futures.as_completed(futures):
            name, problem, secs = f.result()
            print("valgrind: %s %s (%.1fs)" % ("ok  " if problem is None else "FAIL", name,
                                                secs), flush=True)
            if problem:
                failed.append((name, problem))
    for name, problem in sorted(failed):
        print("\n--- %s\n%s" % (name, problem))
    print("valgrind: %d passed, %d failed" % (len(names) - len(failed), len(failed)))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
