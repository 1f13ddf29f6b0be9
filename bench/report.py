"""The terminal table and the SVG chart of a bench/run.py result (its JSON, as a dict).

    python3 bench/report.py bench/results/2024-01-01-quick.json   # table again
    python3 bench/report.py RESULT.json --svg OUT.svg              # chart again
"""

import json
import math
import sys

RATIOS = [("jit/cpython", "JIT/CPython", "#4e79a7"), ("jit/pypy3", "JIT/pypy3", "#f28e2b"),
          ("jit/nojit", "JIT/no-JIT", "#59a14f")]
# The JIT-less binary against the Python implementations: the only binary of the
# benchmarks without a JIT (`jit = false`), such as the allocation benchmarks.
NOJIT_RATIOS = [("nojit/cpython", "no-JIT/CPython"), ("nojit/pypy3", "no-JIT/pypy3")]


def _figure(res):
    """What a variant's result is worth in a ratio: (value, is_upper_bound_of_time)."""
    if res is None:
        return None
    if res.get("status") == "ok":
        return res.get("median_s", res.get("instructions"))
    return None


def ratios(entry):
    """JIT time over each other variant's time, and the JIT-less binary's time over
    CPython's and pypy3's; "rss:nojit/cpython" compares peak RSS. A timed-out variant
    took at least its timeout, so the ratio is then an upper bound, kept with
    "bound": True."""
    v = entry["variants"]
    out = {}
    for key in [k for k, _, _ in RATIOS] + [k for k, _ in NOJIT_RATIOS]:
        mine, theirs = key.split("/")
        fig = _figure(v.get(mine))
        other = v.get(theirs)
        if fig is None or other is None:
            out[key] = None
        elif other.get("status") == "ok":
            out[key] = {"value": fig / _figure(other), "bound": False}
        elif other.get("status") == "timeout" and "median_s" in v[mine]:
            out[key] = {"value": fig / other["timeout_s"], "bound": True}
        else:
            out[key] = None
    rss = [v.get(k, {}).get("peak_rss_kb") for k in ("nojit", "cpython")]
    out["rss:nojit/cpython"] = {"value": rss[0] / rss[1], "bound": False} \
        if all(rss) else None
    return out


def _t(s):
    if s >= 100:
        return "%.0fs" % s
    if s >= 1:
        return "%.2fs" % s
    return "%.0fms" % (s * 1e3) if s >= 0.01 else "%.1fms" % (s * 1e3)


def _ratio(r):
    if r is None:
        return "-"
    v = r["value"]
    text = ("%.3g" % v) if v < 100 else "%.0f" % v
    return ("<" if r["bound"] else "") + text


def _count(n):
    for unit, div in (("G", 1e9), ("M", 1e6), ("k", 1e3)):
        if n >= div:
            return "%.2f%s" % (n / div, unit)
    return str(n)


def _rss(kb):
    return "%.1fM" % (kb / 1024.0) if kb else "-"


def _cell(res):
    """median, peak RSS, min, max, runs (the status in the RSS column when no time)."""
    st = res.get("status")
    if st == "ok" and "instructions" in res:
        return [_count(res["instructions"]), "", "", "", ""]
    if st == "ok":
        return [_t(res["median_s"]), _rss(res.get("peak_rss_kb")), _t(res["min_s"]),
                _t(res["max_s"]), str(res["runs"])]
    if st == "timeout":
        return [">%ds" % res["timeout_s"], "timeout", "", "", ""]
    return ["-", {"wrong": "WRONG", "error": "ERROR"}.get(st, st or ""), "", "", ""]


def _grid(rows, header, left=1):
    """Aligned columns: the first `left` ones to the left, numbers to the right."""
    widths = [max(len(str(r[i])) for r in rows + [header]) for i in range(len(header))]
    fmt = lambda r: "  ".join(
        (str(c).ljust(w) if i < left else str(c).rjust(w)) for i, (c, w) in
        enumerate(zip(r, widths))).rstrip()
    return [fmt(header), "-" * len(fmt(header))] + [fmt(r) for r in rows]


def table(data):
    insns = bool(data.get("insns_tool"))
    lines = ["rpy benchmarks, %s mode, %s, %s (%d cores), git %s" % (
        data["mode"], data["date"], data["machine"]["cpu"], data["machine"]["cores"],
        data["git"])]
    if insns:
        header = ["benchmark", "variant", "instructions (%s)" % data["insns_tool"]]
    else:
        header = ["benchmark", "variant", "median", "peak RSS", "min", "max", "runs"]
    rows = []
    for b in data["benchmarks"]:
        for i, (name, res) in enumerate(b["variants"].items()):
            cells = _cell(res)
            if insns:
                cells = [cells[0] if res.get("status") == "ok" else (cells[0] + " " + cells[1]).strip()]
            rows.append([b["name"] if i == 0 else "", name] + cells)
    lines += [""] + _grid(rows, header, left=2)
    if data.get("rss_source") == "wait4":
        lines.append("peak RSS from os.wait4 (no GNU time): every figure includes at least "
                     "%s of bench/run.py's own memory" % _rss(data.get("rss_floor_kb")))

    header = ["benchmark", "JIT/CPython", "JIT/pypy3", "JIT/no-JIT"] + [
        label for _, label in NOJIT_RATIOS] + ["RSS no-JIT/CPython", "loops", "bridges",
                                               "aborts", "jit ms", "guard fails",
                                               "checked vs"]
    rows = []
    for b in data["benchmarks"]:
        js = b.get("jit_stats") or {}
        jit_ms = sum(js.get(k, 0) for k in ("tracing_ms", "optimizing_ms", "compiling_ms"))
        rows.append([b["name"]] + [_ratio(b["ratios"].get(k)) for k, _, _ in RATIOS] + [
            _ratio(b["ratios"].get(k)) for k, _ in NOJIT_RATIOS] + [
            _ratio(b["ratios"].get("rss:nojit/cpython")) if not insns else "-"] + [
            js.get("loops", "-"), js.get("bridges", "-"), js.get("aborts", "-"),
            ("%.1f" % jit_ms) if js else "-", js.get("guard_failures", "-"),
            (b.get("reference") or "-").replace("bench/expected/", "")])
    lines += ["", "%s ratios (< 1: the binary is faster; <x: the other side timed out)%s"
              % ("instruction" if insns else "time",
                 "" if insns else "; peak RSS ratio (< 1: the binary uses less)")]
    lines += _grid(rows, header)

    stages = []
    for t in data["translations"].values():
        for res in t.values():
            for s in res.get("stages_s", {}):
                if s not in stages and s != "total":
                    stages.append(s)
    header = ["translation", "wall"] + stages + ["binary"]
    rows = []
    for interp, t in data["translations"].items():
        for variant, res in t.items():
            name = interp.split("/")[-1] + (" --jit" if variant == "jit" else "")
            if res["status"] != "ok":
                rows.append([name, "FAILED"] + [""] * (len(stages) + 1))
                continue
            rows.append([name, _t(res["wall_s"])] + [
                _t(res["stages_s"][s]) if s in res["stages_s"] else "-" for s in stages] + [
                "%.0fK" % (res["binary_bytes"] / 1024.0)])
    lines += [""] + _grid(rows, header)

    failures = [(b["name"], f) for b in data["benchmarks"] for f in b["failures"]]
    notes = [(b["name"], f) for b in data["benchmarks"] for f in b.get("notes", [])]
    for name, f in notes:
        lines.append("note: %s: %s" % (name, f))
    for name, f in failures:
        lines.append("FAILED: %s: %s" % (name, f))
    return "\n".join(lines)


def svg(data):
    """A grouped bar chart of the ratios per benchmark, log scale, 1 marked. A benchmark
    without a JIT binary shows the JIT-less binary's ratios to CPython and pypy3."""
    benches = data["benchmarks"]

    def shown(b, key):
        if b["variants"].get("jit", {}).get("status") == "no JIT" and key != "jit/nojit":
            key = key.replace("jit/", "nojit/")
        return b["ratios"].get(key)

    values = [r["value"] for b in benches for k, _, _ in RATIOS for r in [shown(b, k)] if r]
    lo = min(values + [0.1]) if values else 0.1
    hi = max(values + [2.0]) if values else 2.0
    dmin = math.floor(math.log10(lo))
    dmax = math.ceil(math.log10(hi))
    if dmax == dmin:
        dmax += 1
    left, top, plot_h, group_w, bar_w = 70, 50, 300, 150, 36
    width = left + group_w * len(benches) + 180
    height = top + plot_h + 60

    def y(v):
        return top + plot_h * (dmax - math.log10(v)) / (dmax - dmin)

    out = ['<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" '
           'font-family="sans-serif" font-size="12">' % (width, height),
           '<rect width="100%" height="100%" fill="white"/>',
           '<text x="%d" y="20" font-size="14">rpy: JIT binary time / other time '
           '(log scale; below 1 the JIT is faster)</text>' % left,
           '<text x="%d" y="36" fill="#555">%s mode, %s, %s</text>' % (
               left, data["mode"], data["date"][:10], _esc(data["machine"]["cpu"]))]
    for d in range(dmin, dmax + 1):
        yy = y(10.0 ** d)
        out.append('<line x1="%d" x2="%d" y1="%.1f" y2="%.1f" stroke="%s"/>' % (
            left, width - 170, yy, yy, "#000" if d == 0 else "#ddd"))
        out.append('<text x="%d" y="%.1f" text-anchor="end">%s</text>' % (
            left - 6, yy + 4, ("%g" % 10.0 ** d)))
    base = y(1.0)
    for i, b in enumerate(benches):
        x0 = left + i * group_w + 15
        for j, (key, label, color) in enumerate(RATIOS):
            r = shown(b, key)
            x = x0 + j * (bar_w + 4)
            if not r:
                out.append('<text x="%.1f" y="%.1f" text-anchor="middle" fill="#999">n/a</text>'
                           % (x + bar_w / 2, base - 4))
                continue
            yy = y(r["value"])
            out.append('<rect x="%d" y="%.1f" width="%d" height="%.1f" fill="%s"%s>'
                       '<title>%s %s: %s</title></rect>' % (
                           x, min(yy, base), bar_w, max(abs(yy - base), 1), color,
                           ' fill-opacity="0.5"' if r["bound"] else "", b["name"], label,
                           _ratio(r)))
            out.append('<text x="%.1f" y="%.1f" text-anchor="middle" font-size="10">%s</text>'
                       % (x + bar_w / 2, (yy - 3) if yy < base else (yy + 11), _ratio(r)))
        out.append('<text x="%.1f" y="%d" text-anchor="middle">%s</text>' % (
            x0 + 1.5 * (bar_w + 4), top + plot_h + 20, _esc(b["name"])))
        if b["variants"].get("jit", {}).get("status") == "no JIT":
            out.append('<text x="%.1f" y="%d" text-anchor="middle" fill="#555" '
                       'font-size="10">(no JIT: the plain binary)</text>'
                       % (x0 + 1.5 * (bar_w + 4), top + plot_h + 48))
        if b["failures"]:
            out.append('<text x="%.1f" y="%d" text-anchor="middle" fill="red">FAILED</text>'
                       % (x0 + 1.5 * (bar_w + 4), top + plot_h + 36))
    for j, (_, label, color) in enumerate(RATIOS):
        ly = top + 10 + j * 20
        out.append('<rect x="%d" y="%d" width="12" height="12" fill="%s"/>' % (
            width - 160, ly, color))
        out.append('<text x="%d" y="%d">%s</text>' % (width - 142, ly + 10, label))
    out.append('<text x="%d" y="%d" fill="#555" font-size="10">pale: other side timed out</text>'
               % (width - 160, top + 80))
    out.append("</svg>")
    return "\n".join(out) + "\n"


def _esc(s):
    return str(s).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


if __name__ == "__main__":
    with open(sys.argv[1]) as f:
        d = json.load(f)
    if "--svg" in sys.argv:
        with open(sys.argv[sys.argv.index("--svg") + 1], "w") as f:
            f.write(svg(d))
    else:
        print(table(d))
