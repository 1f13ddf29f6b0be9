"""Shared helpers of the fuzz tools: paths, running rpy and programs with timeouts."""

import os
import subprocess

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
LIB = os.path.join(ROOT, "lib")
FINDINGS = os.path.join(HERE, "findings")
JIT_ENV = "threshold=3,trace_eagerness=2"


def rpy_path():
    p = os.environ.get("RPY")
    if p:
        return p
    target = os.environ.get("CARGO_TARGET_DIR", os.path.join(ROOT, "target"))
    return os.path.join(target, "release", "rpy")


class Result(object):
    def __init__(self, rc, out, err, timeout=False):
        self.rc = rc
        self.out = out
        self.err = err
        self.timeout = timeout

    def key(self):
        return (self.rc, self.out, self.timeout)


def run(cmd, cwd, timeout, env=None):
    e = dict(os.environ)
    if env:
        e.update(env)
    try:
        p = subprocess.run(cmd, cwd=cwd, env=e, capture_output=True, timeout=timeout)
        return Result(p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace"))
    except subprocess.TimeoutExpired as ex:
        out = (ex.stdout or b"").decode("utf-8", "replace")
        return Result(None, out, "", timeout=True)


def run_cpython(path, cwd, timeout):
    return run(["python3", path], cwd, timeout, {"PYTHONPATH": LIB})


def translate(path, out, cwd, jit, timeout):
    cmd = [rpy_path(), "translate", path, "-o", out]
    if jit:
        cmd.append("--jit")
    return run(cmd, cwd, timeout)


def classify_translate(res):
    """'ok', 'refused' (a diagnostic), 'crash' (panic or signal) or 'hang'."""
    if res.timeout:
        return "hang"
    if res.rc == 0:
        return "ok"
    if "internal error" in res.err or "panicked" in res.err or res.rc != 1:
        return "crash"
    if "error" not in res.err:
        return "crash"  # status 1 without a diagnostic
    return "refused"


def run_binary(exe, cwd, timeout, jit):
    env = {"RPY_JIT": JIT_ENV} if jit else {}
    return run([exe], cwd, timeout, env)


def first_error(err, n=3):
    lines = [l for l in err.splitlines() if l.strip()]
    for i, l in enumerate(lines):
        if "error" in l:
            return " | ".join(lines[i:i + n])
    return " | ".join(lines[:n])
