#!/usr/bin/env python3
"""Differential testing: random programs run by CPython, the rpy binary and the rpy JIT
binary must print the same stdout and exit with the same status.

usage: tools/fuzz/run.py [--seeds N] [--start S] [-j JOBS] [--mode mixed|jit|nojit]
                         [--no-reduce] [--budget N] [--keep DIR] [--quiet]

For each seed S..S+N-1: generate (gen.py), run `python3` (PYTHONPATH=lib), translate
without and with --jit, run both (the JIT one with RPY_JIT=threshold=3,trace_eagerness=2)
and compare. A translation refusal is reported apart (a generator bug or a language
gap), as are crashes of rpy. On a difference the program is reduced (reduce.py) and
written to tools/fuzz/findings/seedS-KIND.py with a note of what differed.
Exit status: 0 if every seed agreed (refusals included in the summary), 1 otherwise.
"""

import argparse
import concurrent.futures
import os
import shutil
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import common  # noqa: E402
import gen  # noqa: E402
import reduce as reducer  # noqa: E402

DEFAULT_TIMEOUTS = {"python": 30, "translate": 300, "binary": 30}
LOCK = threading.Lock()


def describe(res):
    if res.timeout:
        return "timeout"
    return "exit %s" % res.rc


def crash_sig(err):
    for line in err.splitlines():
        if "panicked at" in line or "internal error" in line:
            return line.split("panicked at")[-1].strip()[:120]
    return err.strip().splitlines()[-1][:120] if err.strip() else "?"


def refusal_sig(err):
    import re

    first = common.first_error(err, 1)
    return re.sub(r"\d+", "N", first)[:160]


def check(src, workdir, timeouts, want_jit=True, stop_after=None):
    """Runs one program every way. Returns (kind, detail) where kind is 'ok', 'slow'
    (CPython timed out), 'refused', 'crash', 'hang', 'plain' or 'jit' (a difference),
    plus the results."""
    os.makedirs(workdir, exist_ok=True)
    path = os.path.join(workdir, "prog.py")
    with open(path, "w") as f:
        f.write(src)
    py = common.run_cpython(path, workdir, timeouts["python"])
    if py.timeout:
        return "slow", "CPython timed out", {}
    info = {"python": py}
    for jit in ([False, True] if want_jit else [False]):
        tag = "jit" if jit else "plain"
        if stop_after is not None and stop_after != tag:
            continue
        exe = os.path.join(workdir, "prog-" + tag)
        tr = common.translate(path, exe, workdir, jit, timeouts["translate"])
        cls = common.classify_translate(tr)
        info["translate-" + tag] = tr
        if cls == "refused":
            return "refused", refusal_sig(tr.err), info
        if cls == "crash":
            return "crash", crash_sig(tr.err) + (" (--jit)" if jit else ""), info
        if cls == "hang":
            return "hang", "translate timed out" + (" (--jit)" if jit else ""), info
        b = common.run_binary(exe, workdir, timeouts["binary"], jit)
        info[tag] = b
        if b.key() != py.key():
            return tag, "CPython %s, %s binary %s%s" % (
                describe(py), tag, describe(b), "" if b.out == py.out else ", stdout differs"), info
    return "ok", "", info


def py_sig(res):
    """How CPython ended: the status and the class of an uncaught exception."""
    lines = res.err.strip().splitlines()
    return (res.rc, lines[-1].split(":")[0] if lines and res.rc != 0 else "")


def make_predicate(kind, detail, timeouts, workdir, py_ref):
    """True when a candidate still fails the same way, and CPython still ends as it did
    on the original (so a deletion that breaks the program under CPython is rejected)."""
    want = py_sig(py_ref)

    def pred(src):
        stop = kind if kind in ("plain", "jit") else None
        k, d, info = check(src, workdir, timeouts, want_jit=True, stop_after=stop)
        if "python" not in info or py_sig(info["python"]) != want:
            return False
        if kind in ("crash", "refused"):
            return k == kind and d == detail
        return k == kind

    return pred


def diff_note(a, b, n=8):
    import difflib

    lines = list(difflib.unified_diff(a.splitlines(), b.splitlines(), "cpython", "rpy", lineterm="", n=1))
    return lines[: n * 3]


def write_finding(seed, kind, detail, src, info):
    os.makedirs(common.FINDINGS, exist_ok=True)
    name = "seed%d-%s.py" % (seed, kind)
    note = ["# fuzz finding: seed %d, %s: %s" % (seed, kind, detail)]
    py = info.get("python")
    other = info.get(kind)
    if py is not None and other is not None:
        note += ["# " + l for l in diff_note(py.out, other.out)]
    tr = info.get("translate-jit") or info.get("translate-plain")
    if kind in ("crash", "refused", "hang") and tr is not None:
        note += ["# " + l for l in tr.err.strip().splitlines()[:6]]
    with open(os.path.join(common.FINDINGS, name), "w") as f:
        f.write("\n".join(note) + "\n" + src)
    return name


def one_seed(seed, args, tmp):
    workdir = os.path.join(tmp, "seed%d" % seed)
    src = gen.generate(seed, args.mode)
    t0 = time.time()
    kind, detail, info = check(src, workdir, DEFAULT_TIMEOUTS)
    finding = None
    if kind in ("plain", "jit", "crash", "hang") or (kind == "refused" and args.reduce_refusals):
        final_info = info
        if args.reduce and kind != "hang":
            pred = make_predicate(kind, detail, DEFAULT_TIMEOUTS, os.path.join(workdir, "r"), info["python"])
            budget = args.budget if kind != "refused" else min(args.budget, 60)
            src = reducer.reduce(src, pred, budget)
            _, _, final_info = check(src, os.path.join(workdir, "final"), DEFAULT_TIMEOUTS)
        finding = write_finding(seed, kind, detail, src, final_info)
    if not args.keep:
        shutil.rmtree(workdir, ignore_errors=True)
    return seed, kind, detail, finding, time.time() - t0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seeds", type=int, default=20)
    ap.add_argument("--start", type=int, default=0)
    ap.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--mode", default="mixed", choices=["mixed", "jit", "nojit"])
    ap.add_argument("--no-reduce", dest="reduce", action="store_false")
    ap.add_argument("--reduce-refusals", action="store_true")
    ap.add_argument("--budget", type=int, default=200, help="predicate runs per reduction")
    ap.add_argument("--keep", action="store_true", help="keep the work directories")
    ap.add_argument("--quiet", action="store_true")
    args = ap.parse_args()
    if not os.path.exists(common.rpy_path()):
        sys.exit("run.py: %s not found (build first, or set RPY=)" % common.rpy_path())
    tmp = tempfile.mkdtemp(prefix="rpy-fuzz-")
    seeds = range(args.start, args.start + args.seeds)
    counts = {}
    problems = []
    t0 = time.time()
    with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as ex:
        futs = [ex.submit(one_seed, s, args, tmp) for s in seeds]
        for fut in concurrent.futures.as_completed(futs):
            seed, kind, detail, finding, dt = fut.result()
            counts[kind] = counts.get(kind, 0) + 1
            line = "seed %d: %s%s%s (%.0fs)" % (seed, kind, ": " + detail if detail else "",
                                               " -> findings/" + finding if finding else "", dt)
            if kind != "ok":
                problems.append((seed, line))
            if not args.quiet or kind != "ok":
                with LOCK:
                    print(line, flush=True)
    if not args.keep:
        shutil.rmtree(tmp, ignore_errors=True)
    summary = ", ".join("%d %s" % (v, k) for k, v in sorted(counts.items()))
    print("fuzz: %d seeds (%d..%d) in %.0fs: %s" % (len(seeds), args.start, args.start + args.seeds - 1,
                                                   time.time() - t0, summary))
    bad = sum(v for k, v in counts.items() if k in ("plain", "jit", "crash", "hang"))
    refused = counts.get("refused", 0)
    if refused:
        print("fuzz: %d refusals (generator bugs or language gaps; see above)" % refused)
    sys.exit(1 if bad or refused else 0)


if __name__ == "__main__":
    main()
