#!/usr/bin/env python3
"""Mutation fuzzing of the translator: mutated and truncated versions of the oracle
programs (tests/programs/*.py) must give a binary or a diagnostic (exit status 1 with an
`error:` message), never an internal error (a panic), a crash by signal or a hang.

usage: tools/fuzz/mutate.py [--cases N] [--start S] [-j JOBS] [--timeout SECS] [--jit]

Case S picks a program and a mutation from S alone (deterministic): delete lines,
duplicate a line, swap two tokens, replace a name / number / operator by another one of
the same program, or truncate the file. A failing case is written to
tools/fuzz/findings/mutS.py with the translator's message.
"""

import argparse
import concurrent.futures
import io
import os
import random
import re
import shutil
import sys
import tempfile
import tokenize

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common  # noqa: E402

PROGRAMS = os.path.join(common.ROOT, "tests", "programs")


def tokens(src):
    try:
        return list(tokenize.generate_tokens(io.StringIO(src).readline))
    except (tokenize.TokenError, IndentationError, SyntaxError):
        return []


def replace_token(src, tok, text):
    lines = src.splitlines(True)
    (sr, sc), (er, ec) = tok.start, tok.end
    if sr != er:
        return src
    line = lines[sr - 1]
    lines[sr - 1] = line[:sc] + text + line[ec:]
    return "".join(lines)


def mutate(src, r):
    lines = src.splitlines(True)
    toks = [t for t in tokens(src) if t.type in (tokenize.NAME, tokenize.NUMBER, tokenize.OP, tokenize.STRING)]
    kind = r.choice(["delete", "delete", "dup", "swap", "name", "name", "number", "op", "truncate", "indent"])
    if kind == "delete" and len(lines) > 2:
        i = r.randrange(len(lines))
        n = r.choice([1, 1, 2, 3])
        return kind, "".join(lines[:i] + lines[i + n:])
    if kind == "dup" and lines:
        i = r.randrange(len(lines))
        return kind, "".join(lines[:i + 1] + [lines[i]] + lines[i + 1:])
    if kind == "indent" and lines:
        i = r.randrange(len(lines))
        line = lines[i]
        line = line[4:] if line.startswith("    ") and r.random() < 0.5 else "    " + line
        return kind, "".join(lines[:i] + [line] + lines[i + 1:])
    if kind == "truncate":
        return kind, src[: r.randrange(len(src) + 1)]
    if kind == "swap" and len(toks) > 2:
        i = r.randrange(len(toks) - 1)
        a, b = toks[i], toks[i + 1]
        if a.start[0] == b.start[0]:
            line = lines[a.start[0] - 1]
            new = line[:a.start[1]] + b.string + line[a.end[1]:b.start[1]] + a.string + line[b.end[1]:]
            lines[a.start[0] - 1] = new
            return kind, "".join(lines)
    want = {"name": tokenize.NAME, "number": tokenize.NUMBER, "op": tokenize.OP}.get(kind)
    if want is not None:
        same = [t for t in toks if t.type == want]
        if len(same) > 1:
            t = r.choice(same)
            other = r.choice(same).string
            if kind == "number":
                other = r.choice([other, "0", "-1", "1.5", "9223372036854775807", "2**70", "None"])
            return kind, replace_token(src, t, other)
    return "truncate", src[: r.randrange(len(src) + 1)]


def programs():
    return sorted(f for f in os.listdir(PROGRAMS) if f.endswith(".py"))


def one_case(case, args, tmp):
    r = random.Random(case)
    progs = programs()
    name = r.choice(progs)
    src = open(os.path.join(PROGRAMS, name)).read()
    kind, mutated = mutate(src, r)
    if r.random() < 0.3:
        kind2, mutated = mutate(mutated, r)
        kind += "+" + kind2
    work = os.path.join(tmp, "m%d" % case)
    os.makedirs(work, exist_ok=True)
    path = os.path.join(work, name)
    with open(path, "w") as f:
        f.write(mutated)
    tr = common.translate(path, os.path.join(work, "prog"), work, args.jit, args.timeout)
    cls = common.classify_translate(tr)
    finding = None
    if cls in ("crash", "hang"):
        os.makedirs(common.FINDINGS, exist_ok=True)
        finding = "mut%d.py" % case
        note = ["# mutation finding: case %d, %s of tests/programs/%s (%s)%s" % (
            case, cls, name, kind, " with --jit" if args.jit else "")]
        note += ["# " + l for l in tr.err.strip().splitlines()[:6]]
        with open(os.path.join(common.FINDINGS, finding), "w") as f:
            f.write("\n".join(note) + "\n" + mutated)
    shutil.rmtree(work, ignore_errors=True)
    return case, name, kind, cls, tr, finding


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cases", type=int, default=50)
    ap.add_argument("--start", type=int, default=0)
    ap.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--timeout", type=int, default=120)
    ap.add_argument("--jit", action="store_true")
    args = ap.parse_args()
    tmp = tempfile.mkdtemp(prefix="rpy-mutate-")
    counts = {}
    with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as ex:
        futs = [ex.submit(one_case, c, args, tmp) for c in range(args.start, args.start + args.cases)]
        for fut in concurrent.futures.as_completed(futs):
            case, name, kind, cls, tr, finding = fut.result()
            counts[cls] = counts.get(cls, 0) + 1
            if cls in ("crash", "hang"):
                print("case %d: %s: %s of %s: %s -> findings/%s" % (
                    case, cls, kind, name, common.first_error(tr.err, 2), finding), flush=True)
    shutil.rmtree(tmp, ignore_errors=True)
    print("mutate: %d cases: %s" % (args.cases, ", ".join("%d %s" % (v, k) for k, v in sorted(counts.items()))))
    sys.exit(1 if counts.get("crash") or counts.get("hang") else 0)


if __name__ == "__main__":
    main()
