#!/usr/bin/env python3
"""Checks the oracle programs in tests/programs/ under CPython.

usage: tools/check-programs.py [SUBSTRING...]

For every tests/programs/*.py (or those whose name contains one of the SUBSTRINGs):
  * lint (only with RPY_SLICE_LINT=1): the program stays inside the first slice (no
    classes, dicts, slices, comprehensions, conditional expressions, f-strings, %
    formatting, method calls other than list.append, unknown builtins; tuples only
    in `a, b = c, d`); refuse_*.py programs are skipped here, they are meant to be
    refused, and must have a refuse_*.expect-error sibling;
  * range: run with every int-valued expression checked to fit in a signed 64-bit
    word (the arguments of intmask()/ovfcheck() are exempt: that is where a program
    says it relies on wrapping or expects an overflow);
  * argv[0]: the output stays the same when the program sits at another path;
  * time: the plain run (python3 prog.py alpha beta, as the oracle runs it) uses well
    under a second of CPU (limit 0.8 s) and ends on its own;
and prints one line per problem, then `check-programs: N passed, M failed`.
"""

import ast
import concurrent.futures
import os
import subprocess
import sys
import tempfile
import threading

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PROGRAMS = os.path.join(ROOT, "tests", "programs")
LIB = os.path.join(ROOT, "lib")
ARGS = ["alpha", "beta"]  # the oracle's fixed arguments (tests/oracle.rs)
TIME_LIMIT = 0.8
# The first slice's lint (no classes, dicts, ...) is off now that the language has grown
# past it; `RPY_SLICE_LINT=1` turns it back on.
SLICE_LINT = os.environ.get("RPY_SLICE_LINT") == "1"

ALLOWED_BUILTINS = {"len", "abs", "min", "max", "int", "float", "str", "print", "range"}
ALLOWED_IMPORTS = {"sys", "rpy.rarithmetic"}
EXEMPT_CALLS = {"intmask", "ovfcheck"}
MININT = -(2**63)
MAXINT = 2**63 - 1


def lint(path, tree):
    problems = []
    defined = set(EXEMPT_CALLS)
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef):
            defined.add(node.name)
    swap_tuples = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            t, v = node.targets[0], node.value
            if isinstance(t, ast.Tuple) and isinstance(v, ast.Tuple) and len(t.elts) == len(v.elts):
                swap_tuples.add(id(t))
                swap_tuples.add(id(v))

    def bad(node, what):
        problems.append("%s:%d: outside the slice: %s" % (os.path.basename(path), node.lineno, what))

    banned = {
        ast.ClassDef: "class",
        ast.Dict: "dict",
        ast.DictComp: "dict comprehension",
        ast.ListComp: "list comprehension",
        ast.SetComp: "set comprehension",
        ast.GeneratorExp: "generator expression",
        ast.Set: "set",
        ast.Lambda: "lambda",
        ast.IfExp: "conditional expression",
        ast.JoinedStr: "f-string",
        ast.Slice: "slicing",
        ast.Yield: "yield",
        ast.YieldFrom: "yield",
        ast.With: "with",
        ast.Global: "global",
        ast.Nonlocal: "nonlocal",
        ast.Starred: "star-args",
        ast.AsyncFunctionDef: "async",
        ast.Await: "await",
        ast.NamedExpr: "walrus",
    }
    for node in ast.walk(tree):
        for cls, what in banned.items():
            if isinstance(node, cls):
                bad(node, what)
        if isinstance(node, ast.Tuple) and id(node) not in swap_tuples:
            bad(node, "tuple outside `a, b = c, d`")
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mod):
            if isinstance(node.left, (ast.Constant, ast.JoinedStr)) and isinstance(
                getattr(node.left, "value", None), str
            ):
                bad(node, "% formatting")
        if isinstance(node, ast.FunctionDef):
            if node.decorator_list:
                bad(node, "decorator")
            if node.args.vararg or node.args.kwarg or node.args.kwonlyargs:
                bad(node, "*args/**kwargs/keyword-only parameters")
            inner = [n for n in ast.walk(node) if isinstance(n, ast.FunctionDef) and n is not node]
            for n in inner:
                bad(n, "nested function")
        if isinstance(node, ast.Call):
            f = node.func
            if isinstance(f, ast.Attribute):
                ok = f.attr == "append" or (
                    isinstance(f.value, ast.Name) and f.value.id == "sys" and f.attr == "exit"
                )
                if not ok:
                    bad(node, "method call ." + f.attr)
            elif isinstance(f, ast.Name):
                name = f.id
                if name not in defined and name not in ALLOWED_BUILTINS and not name.endswith("Error"):
                    bad(node, "call of " + name)
                if name == "print" and node.keywords:
                    bad(node, "print() keyword arguments")
            else:
                bad(node, "call of a computed callee")
        if isinstance(node, ast.Attribute) and not isinstance(node.ctx, ast.Load):
            bad(node, "attribute assignment")
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name not in ALLOWED_IMPORTS:
                    bad(node, "import " + alias.name)
        if isinstance(node, ast.ImportFrom):
            if node.module not in ALLOWED_IMPORTS:
                bad(node, "import from " + str(node.module))
    mains = [n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == "main"]
    if not mains:
        problems.append("%s: no main(argv)" % os.path.basename(path))
    last = tree.body[-1] if tree.body else None
    if not (isinstance(last, ast.If) and "__main__" in ast.dump(last.test)):
        problems.append("%s: does not end with the `if __name__ == '__main__':` block" % os.path.basename(path))
    return problems


class RangeChecker(ast.NodeTransformer):
    """Wraps each int-producing expression in __rpy_chk(expr, line)."""

    def _wrap(self, node):
        call = ast.Call(
            func=ast.Name(id="__rpy_chk", ctx=ast.Load()),
            args=[node, ast.Constant(value=node.lineno)],
            keywords=[],
        )
        return ast.copy_location(call, node)

    def visit_Call(self, node):
        if isinstance(node.func, ast.Name) and node.func.id in EXEMPT_CALLS:
            return node  # the argument may leave the range: that is the point
        self.generic_visit(node)
        return self._wrap(node)

    def visit_BinOp(self, node):
        self.generic_visit(node)
        return self._wrap(node)

    def visit_UnaryOp(self, node):
        self.generic_visit(node)
        return self._wrap(node)

    def visit_Constant(self, node):
        return self._wrap(node) if isinstance(node.value, int) else node


RANGE_RUNNER = r"""
import ast, sys
path = sys.argv[1]
sys.argv = sys.argv[1:]
sys.path.insert(0, %(lib)r)
found = []
def __rpy_chk(v, line):
    if type(v) is int and not (%(lo)d <= v <= %(hi)d) and line not in found:
        found.append(line)
        sys.stderr.write("RANGE %%d %%s\n" %% (line, v))
        sys.stderr.flush()
    return v
tree = ast.parse(open(path).read(), path)
exec(compile(%(transform)s, path, "exec"), {"__name__": "__main__", "__rpy_chk": __rpy_chk, "__builtins__": __builtins__})
"""


def range_check(path):
    src = open(path).read()
    tree = ast.parse(src, path)
    tree = ast.fix_missing_locations(RangeChecker().visit(tree))
    # ship the transformed tree as source (ast.unparse keeps the line structure close
    # enough: line numbers come from the constants passed to __rpy_chk)
    code = RANGE_RUNNER % {
        "lib": LIB,
        "lo": MININT,
        "hi": MAXINT,
        "transform": "ast.parse(%r, path)" % ast.unparse(tree),
    }
    try:
        p = subprocess.run(
            [sys.executable, "-c", code, path] + ARGS, capture_output=True, text=True, timeout=30
        )
    except subprocess.TimeoutExpired:
        return ["%s: range check timed out" % os.path.basename(path)]
    out = []
    for line in p.stderr.splitlines():
        if line.startswith("RANGE "):
            _, lineno, value = line.split(" ", 2)
            out.append(
                "%s:%s: int outside 64 bits: %s" % (os.path.basename(path), lineno, value[:40])
            )
    return out


def run_once(path):
    """Runs `python3 path alpha beta` as the oracle does; returns (status, stdout, CPU
    seconds). CPU time, not wall time, which depends on what else runs."""
    env = dict(os.environ, PYTHONPATH=LIB, PYTHONDONTWRITEBYTECODE="1")
    with tempfile.TemporaryFile() as out:
        p = subprocess.Popen(
            ["python3", path] + ARGS, stdout=out, stderr=subprocess.DEVNULL, env=env, cwd="/tmp"
        )
        timer = threading.Timer(10, p.kill)
        timer.start()
        _, status, usage = os.wait4(p.pid, 0)
        timer.cancel()
        out.seek(0)
        return os.waitstatus_to_exitcode(status), out.read(), usage.ru_utime + usage.ru_stime


def run_check(path):
    name = os.path.basename(path)
    code, printed, cpu = run_once(path)
    if code == -9:
        return ["%s: did not end within 10 s" % name], None
    problems = []
    if cpu > TIME_LIMIT:
        problems.append("%s: used %.2f s of CPU under python3" % (name, cpu))
    if not printed and code == 0:
        problems.append("%s: printed nothing" % name)
    # The binary's argv[0] is not the script's path: output must not depend on it.
    with tempfile.TemporaryDirectory() as d:
        other = os.path.join(d, "renamed_" + name)
        with open(path, "rb") as src, open(other, "wb") as dst:
            dst.write(src.read())
        code2, printed2, _ = run_once(other)
    if (code2, printed2) != (code, printed):
        problems.append("%s: output depends on argv[0] or the program's path" % name)
    return problems, (code, cpu)


def check(name):
    path = os.path.join(PROGRAMS, name)
    problems = []
    if name.startswith("refuse_"):
        if not os.path.exists(path[:-3] + ".expect-error"):
            problems.append("%s: no .expect-error sibling" % name)
        return problems, None
    tree = ast.parse(open(path).read(), path)
    if SLICE_LINT:
        problems += lint(path, tree)
    problems += range_check(path)
    more, info = run_check(path)
    return problems + more, info


def main(argv):
    names = sorted(n for n in os.listdir(PROGRAMS) if n.endswith(".py"))
    if argv[1:]:
        names = [n for n in names if any(s in n for s in argv[1:])]
    passed = failed = 0
    jobs = os.cpu_count() or 2
    with concurrent.futures.ThreadPoolExecutor(max_workers=jobs) as pool:
        for name, (problems, info) in zip(names, pool.map(check, names)):
            if info and "-v" in os.environ.get("CHECK_FLAGS", ""):
                print("%-40s exit %d  %.2fs" % (name, info[0], info[1]))
            for p in problems:
                print(p)
            if problems:
                failed += 1
            else:
                passed += 1
    print("check-programs: %d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
