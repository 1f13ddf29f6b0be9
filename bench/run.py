#!/usr/bin/env python3
"""`make bench`: translation and run time of the example interpreters and of the
allocation (GC) benchmarks, against CPython and pypy3.

    python3 bench/run.py [--quick] [--runs N] [--budget S] [--only SUBSTR[,...]] [--insns]

For each benchmark of bench/benchmarks.toml: CPython runs the interpreter's source,
pypy3 runs the same source, then the binary rpy translated without and with --jit (a
benchmark with `jit = false`, a plain program without JIT hints, skips the JIT binary).
Every run's stdout must equal CPython's (or the benchmark's `expected` file in full
mode; else pypy3's when CPython timed out): a wrong answer fails the benchmark. Each variant runs until a time budget is spent (at least
three times when that fits, at most --max-runs), and the median wall time is reported
with the minimum and maximum, with the peak RSS of the runs. Each interpreter is
translated twice (with and without --jit; per-stage times from `rpy translate -v`),
and one more run of the JIT binary with RPY_JITLOG gives its JIT statistics.

Peak RSS (every timed run, the maximum reported): GNU time's %M when /usr/bin/time is
there (`tools/install-deps.sh bench` installs it), else os.wait4's ru_maxrss. The
latter has a floor: Linux folds the memory of the process that exec'd the command (here
this Python, through vfork) into the child's ru_maxrss, so the JSON then records
`rss_source: "wait4"` and `rss_floor_kb`, the figure `true` gets, and a line under
the table gives that floor.

--insns counts the instructions of the two binaries instead (perf stat, or valgrind's
callgrind where the machine has no hardware counters): one run each, figures without
machine noise (CPython then only gives the reference output; pypy3 is skipped).

Results: a table on the terminal, bench/results/<date>-<mode>.json, and a chart of the
time ratios (bench/results/latest.svg; bench/report.py).
"""

import argparse
import datetime
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

try:
    import tomllib
except ImportError:  # Python < 3.11
    tomllib = None

import report

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
VARIANTS = ["cpython", "pypy3", "nojit", "jit"]


def log(msg):
    print(msg, file=sys.stderr, flush=True)


def load_benchmarks(path):
    with open(path, "rb") as f:
        if tomllib is None:
            sys.exit("bench: reading %s needs Python 3.11 (tomllib)" % path)
        return tomllib.load(f)["benchmark"]


# ____________________________________________________________
# Running one command


class Run(object):
    def __init__(self, wall, rss_kb, status, stdout, timed_out, stderr):
        self.wall = wall
        self.rss_kb = rss_kb
        self.status = status
        self.stdout = stdout
        self.timed_out = timed_out
        self.stderr = stderr


GNU_TIME = "/usr/bin/time"


def rss_source():
    """How run_once measures peak RSS: "time" (GNU time's %M, exact) or "wait4"."""
    return "time" if os.access(GNU_TIME, os.X_OK) else "wait4"


def run_once(cmd, timeout, env=None):
    """Runs cmd with stdout and stderr in files: wall time and peak RSS. The RSS comes
    from GNU time (%M) when there is one: the rusage of a child started by this Python
    counts the Python process's own memory, which the child had until its exec (see
    the module's docstring); without GNU time, it is that rusage (os.wait4)."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err, \
            tempfile.NamedTemporaryFile(suffix=".tmp") as rss:
        use_time = rss_source() == "time"
        full = [GNU_TIME, "-f", "%M", "-o", rss.name, "--"] + cmd if use_time else cmd
        start = time.perf_counter()
        p = subprocess.Popen(full, stdout=out, stderr=err, stdin=subprocess.DEVNULL,
                             cwd=ROOT, env=env, start_new_session=True)
        deadline = start + timeout
        timed_out = False
        usage = None
        while True:
            # wait4 rather than p.wait: it also gives the child's rusage.
            pid, status, usage = os.wait4(p.pid, os.WNOHANG)
            if pid == p.pid:
                p.returncode = os.waitstatus_to_exitcode(status)
                break
            if time.perf_counter() > deadline:
                os.killpg(p.pid, 9)  # GNU time and the command under it
                _, status, usage = os.wait4(p.pid, 0)
                p.returncode = os.waitstatus_to_exitcode(status)
                timed_out = True
                break
            time.sleep(0.002)
        wall = time.perf_counter() - start
        rss.seek(0)
        lines = rss.read().decode().split()
        if use_time:
            rss_kb = int(lines[-1]) if lines and lines[-1].isdigit() else None
        else:
            rss_kb = usage.ru_maxrss if usage is not None else None
        out.seek(0)
        err.seek(0)
        return Run(wall, rss_kb, p.returncode, out.read(), timed_out,
                   err.read().decode("utf-8", "replace"))


def rss_floor_kb():
    """The peak RSS run_once reports for `true`: what wait4 cannot see below."""
    return run_once(["true"], 10).rss_kb


def variant_command(variant, bench, binaries, args):
    interp = bench["interpreter"]
    if variant == "cpython":
        return [sys.executable, interp] + args
    if variant == "pypy3":
        return ["pypy3", interp] + args
    return [binaries[(interp, variant)]] + args


def python_env():
    env = dict(os.environ)
    env["PYTHONPATH"] = os.path.join(ROOT, "lib") + (
        ":" + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    env.pop("RPY_JITLOG", None)
    return env


def measure(cmd, env, opts, timeout, expected):
    """Runs cmd repeatedly within the time budget; returns a result dict."""
    runs = []
    spent = 0.0
    while True:
        r = run_once(cmd, timeout, env)
        if r.timed_out:
            return {"status": "timeout", "timeout_s": timeout, "runs": len(runs)}
        if r.status != 0:
            return {"status": "error", "error": "exit status %d" % r.status,
                    "stderr": r.stderr[-2000:]}
        if expected is not None and r.stdout != expected:
            return {"status": "wrong", "error": "stdout differs from the reference",
                    "diff": first_difference(expected, r.stdout)}
        runs.append(r)
        spent += r.wall
        n = len(runs)
        if opts.runs:
            if n >= opts.runs:
                break
        elif n >= opts.max_runs or spent + r.wall > opts.budget and n >= min_runs(runs, opts):
            break
    walls = [r.wall for r in runs]
    return {
        "status": "ok",
        "runs": len(runs),
        "median_s": statistics.median(walls),
        "min_s": min(walls),
        "max_s": max(walls),
        "times_s": walls,
        "peak_rss_kb": max(r.rss_kb for r in runs) if runs[0].rss_kb else None,
        "stdout": runs[0].stdout,
    }


def min_runs(runs, opts):
    # Three runs give a median; a single run that already spent the budget stands alone.
    return 1 if runs[0].wall > opts.budget else 3


def first_difference(a, b):
    la = a.decode("utf-8", "replace").splitlines()
    lb = b.decode("utf-8", "replace").splitlines()
    for i in range(max(len(la), len(lb))):
        x = la[i] if i < len(la) else "<end of output>"
        y = lb[i] if i < len(lb) else "<end of output>"
        if x != y:
            return "line %d: expected %r, got %r" % (i + 1, x[:200], y[:200])
    return "same lines, different bytes (line endings?)"


# ____________________________________________________________
# Instruction counts


def insns_tool():
    if shutil.which("perf"):
        r = subprocess.run(["perf", "stat", "-x,", "-e", "instructions:u", "true"],
                           capture_output=True, text=True)
        if r.returncode == 0 and re.match(r"\d+,", r.stderr.strip().splitlines()[-1]):
            return "perf"
    if shutil.which("valgrind"):
        return "callgrind"
    return None


def count_insns(tool, cmd, env, timeout):
    if tool == "perf":
        full = ["perf", "stat", "-x,", "-e", "instructions:u", "--"] + cmd
    else:
        full = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null",
                "--smc-check=all", "--trace-children=no"] + cmd
    r = run_once(full, timeout, env)
    if r.timed_out:
        return {"status": "timeout", "timeout_s": timeout}
    if tool == "perf":
        m = [l for l in r.stderr.splitlines() if "instructions" in l]
        n = m[-1].split(",")[0] if m else ""
    else:
        m = re.search(r"Collected : (\d+)", r.stderr)
        n = m.group(1) if m else ""
    if r.status != 0 or not n.isdigit():
        return {"status": "error", "error": "exit status %d" % r.status,
                "stderr": r.stderr[-2000:]}
    return {"status": "ok", "instructions": int(n), "stdout": r.stdout}


# ____________________________________________________________
# Translation and JIT statistics


def translate(rpy, interp, jit, outdir):
    name = os.path.splitext(os.path.basename(interp))[0] + ("-jit" if jit else "")
    binary = os.path.join(outdir, name)
    cmd = [rpy, "translate", interp, "-o", binary, "-v"] + (["--jit"] if jit else [])
    log("bench: " + " ".join(cmd))
    start = time.perf_counter()
    r = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    wall = time.perf_counter() - start
    if r.returncode != 0:
        return binary, {"status": "error", "error": r.stderr[-3000:]}
    stages = {}
    for line in r.stderr.splitlines():
        m = re.match(r"\[rpy\] (\S+)\s+([\d.]+) ms", line)
        if m:
            stages[m.group(1)] = float(m.group(2)) / 1e3
    return binary, {"status": "ok", "wall_s": wall, "stages_s": stages,
                    "binary_bytes": os.path.getsize(binary)}


def jit_stats(cmd, timeout):
    fd, path = tempfile.mkstemp(prefix="rpy-jitlog-", suffix=".tmp")
    os.close(fd)
    try:
        env = dict(os.environ, RPY_JITLOG=path)
        r = run_once(cmd, timeout, env)
        if r.timed_out or r.status != 0:
            return None
        with open(path, errors="replace") as f:
            text = f.read()
    finally:
        os.unlink(path)
    if not text:  # the runtime opens the log when the JIT first counts a loop
        return {"loops": 0, "bridges": 0, "aborts": 0, "guard_failures": 0,
                "note": "empty log: the JIT never started"}
    summary = text[text.rfind("# summary"):] if "# summary" in text else ""
    stats = {"guard_failures": 0}
    for line in summary.splitlines()[1:]:
        m = re.match(r"(\w+): ([\d.]+)( ms)?$", line)
        if m:
            key = m.group(1) + ("_ms" if m.group(3) else "")
            stats[key] = float(m.group(2)) if m.group(3) else int(m.group(2))
        m = re.match(r"guard failures in trace .*: (\d+)$", line)
        if m:
            stats["guard_failures"] += int(m.group(1))
    return stats


# ____________________________________________________________


def machine_info():
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo") as f:
            names = re.findall(r"model name\s*: (.*)", f.read())
            if names:
                cpu = names[0]
    except OSError:
        pass

    def version(cmd):
        try:
            r = subprocess.run(cmd, capture_output=True, text=True)
            return (r.stdout + r.stderr).strip().splitlines()[0]
        except (OSError, IndexError):
            return None

    return {"cpu": cpu, "cores": os.cpu_count(), "kernel": platform.release(),
            "python": version([sys.executable, "--version"]),
            "pypy3": version(["pypy3", "--version"]) and version(
                ["pypy3", "-c", "import sys; print(sys.version.splitlines()[-1])"])}


def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--quick", action="store_true", help="small inputs (make bench-quick)")
    p.add_argument("--runs", type=int, default=int(os.environ.get("BENCH_RUNS", "0")),
                   help="exactly N runs per variant (default: as the budget allows)")
    p.add_argument("--budget", type=float, help="seconds per variant (default 10, quick 1)")
    p.add_argument("--max-runs", type=int, default=21)
    p.add_argument("--timeout", type=float,
                   help="seconds before a run counts as timeout (default 120, quick 20)")
    p.add_argument("--only", help="only the benchmarks whose name contains this (or one of "
                   "these, comma-separated)")
    p.add_argument("--insns", action="store_true",
                   default=os.environ.get("BENCH_INSNS", "") not in ("", "0"),
                   help="count instructions (perf or callgrind) instead of timing")
    p.add_argument("--rpy", default=os.environ.get("RPY", "target/release/rpy"))
    p.add_argument("--benchmarks", default=os.path.join(ROOT, "bench", "benchmarks.toml"))
    p.add_argument("--results", default=os.path.join(ROOT, "bench", "results"))
    p.add_argument("--build-dir", default=os.path.join(ROOT, "out", "bench"))
    opts = p.parse_args(argv)
    if opts.budget is None:
        opts.budget = 1.0 if opts.quick else 10.0
    if opts.timeout is None:
        opts.timeout = 20.0 if opts.quick else 120.0
    opts.rpy = os.path.abspath(os.path.join(ROOT, opts.rpy))
    return opts


def main(argv):
    opts = parse_args(argv)
    if not os.path.exists(opts.rpy):
        sys.exit("bench: no translator at %s (make build, or RPY=path)" % opts.rpy)
    have_pypy = shutil.which("pypy3") is not None
    if not have_pypy:
        log("bench: pypy3 is missing (tools/install-deps.sh bench); its column stays empty")
    tool = insns_tool() if opts.insns else None
    if opts.insns and tool is None:
        sys.exit("bench: --insns needs perf (with hardware counters) or valgrind")
    benches = load_benchmarks(opts.benchmarks)
    if opts.only:
        benches = [b for b in benches if any(s in b["name"] for s in opts.only.split(","))]
    os.makedirs(opts.build_dir, exist_ok=True)
    mode = ("quick" if opts.quick else "full") + ("-insns" if opts.insns else "")
    started = time.time()

    # Translation, once per interpreter and target.
    binaries, translations = {}, {}
    no_jit = set(b["interpreter"] for b in benches if not b.get("jit", True))
    for interp in sorted(set(b["interpreter"] for b in benches)):
        for variant in ("nojit", "jit"):
            if variant == "jit" and interp in no_jit:
                continue
            binary, t = translate(opts.rpy, interp, variant == "jit", opts.build_dir)
            binaries[(interp, variant)] = binary
            translations.setdefault(interp, {})[variant] = t
            if t["status"] != "ok":
                log("bench: translating %s (%s) failed:\n%s" % (interp, variant, t["error"]))

    env = python_env()
    results = []
    for bench in benches:
        args = bench["quick_args" if opts.quick else "args"]
        entry = {"name": bench["name"], "interpreter": bench["interpreter"], "args": args,
                 "variants": {}, "failures": [], "notes": []}
        expected, reference = None, None
        if not opts.quick and bench.get("expected"):
            with open(os.path.join(ROOT, bench["expected"]), "rb") as f:
                expected, reference = f.read(), bench["expected"]
        for variant in VARIANTS:
            if variant == "pypy3" and not have_pypy:
                entry["variants"][variant] = {"status": "missing"}
                continue
            if variant == "jit" and not bench.get("jit", True):
                entry["variants"][variant] = {"status": "no JIT"}
                continue
            if variant in ("nojit", "jit") and \
                    translations[bench["interpreter"]][variant]["status"] != "ok":
                entry["variants"][variant] = {"status": "error", "error": "not translated"}
                entry["failures"].append("%s: translation failed" % variant)
                continue
            cmd = variant_command(variant, bench, binaries, args)
            # Python variants get a timeout; the binaries get a generous one too.
            timeout = opts.timeout if variant in ("cpython", "pypy3") else 10 * opts.timeout
            log("bench: %-12s %-8s %s" % (bench["name"], variant, " ".join(cmd)))
            if tool and variant in ("cpython", "pypy3"):
                # Under callgrind CPython would take minutes: it only gives the reference.
                res = {"status": "skipped"}
                if variant == "cpython":
                    r = run_once(cmd, timeout, env)
                    if not r.timed_out and r.status == 0:
                        expected = expected if expected is not None else r.stdout
                        reference = reference or variant
                entry["variants"][variant] = res
                continue
            if tool:
                res = count_insns(tool, cmd, env, timeout * (20 if tool == "callgrind" else 1))
                if res["status"] == "ok" and expected is not None and res["stdout"] != expected:
                    res = {"status": "wrong", "error": "stdout differs from the reference",
                           "diff": first_difference(expected, res["stdout"])}
            else:
                res = measure(cmd, env, opts, timeout, expected)
            if res["status"] == "ok" and expected is None:
                expected, reference = res["stdout"], variant
            res.pop("stdout", None)
            if res["status"] in ("wrong", "error"):
                entry["failures"].append("%s: %s" % (variant, res.get("diff") or res["error"]))
            entry["variants"][variant] = res
        entry["reference"] = reference
        if reference in ("nojit", "jit"):
            entry["notes"].append("unchecked: neither CPython nor pypy3 finished "
                                  "(the JIT binary was compared with the JIT-less one)")
        if not tool and entry["variants"].get("jit", {}).get("status") == "ok":
            entry["jit_stats"] = jit_stats(
                variant_command("jit", bench, binaries, args), 10 * opts.timeout)
        entry["ratios"] = report.ratios(entry)
        results.append(entry)

    data = {
        "date": datetime.datetime.now().isoformat(timespec="seconds"),
        "mode": mode,
        "machine": machine_info(),
        "insns_tool": tool,
        "rss_source": None if tool else rss_source(),
        "rss_floor_kb": rss_floor_kb() if not tool and rss_source() == "wait4" else None,
        "options": {"runs": opts.runs, "budget_s": opts.budget, "max_runs": opts.max_runs,
                    "timeout_s": opts.timeout},
        "git": subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT,
                              capture_output=True, text=True).stdout.strip(),
        "translations": translations,
        "benchmarks": results,
        "total_s": time.time() - started,
    }
    os.makedirs(opts.results, exist_ok=True)
    stem = datetime.datetime.now().strftime("%Y-%m-%d") + "-" + mode
    json_path = os.path.join(opts.results, stem + ".json")
    with open(json_path, "w") as f:
        json.dump(data, f, indent=1)
        f.write("\n")
    print(report.table(data))
    if not opts.insns:
        svg = report.svg(data)
        for name in (stem + ".svg", "latest.svg"):
            with open(os.path.join(opts.results, name), "w") as f:
                f.write(svg)
    log("bench: wrote %s%s (%.0f s in all)" % (
        os.path.relpath(json_path, ROOT), "" if opts.insns else " and " + os.path.relpath(
            os.path.join(opts.results, "latest.svg"), ROOT), data["total_s"]))
    failed = [b["name"] for b in results if b["failures"]]
    if failed:
        log("bench: FAILED: " + ", ".join(failed))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
