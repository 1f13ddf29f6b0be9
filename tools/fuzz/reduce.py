#!/usr/bin/env python3
"""Reduce a program while a predicate holds: delete statements (any nesting level),
largest chunks first (delta debugging over the AST), then replace expressions by
simpler ones of the same kind, then drop unused top-level definitions.

usage: tools/fuzz/reduce.py PROG.py [--budget N]: runs PROG.py every way (as run.py does)
and prints the program reduced while it keeps failing the same way.
"""

import ast
import copy
import sys


class _Dropper(ast.NodeTransformer):
    def __init__(self, drop):
        self.drop = drop

    def generic_visit(self, node):
        for field in ("body", "orelse", "finalbody", "handlers"):
            if not hasattr(node, field):
                continue
            items = getattr(node, field)
            if not isinstance(items, list):
                continue
            keep = [s for s in items if id(s) not in self.drop]
            if field in ("body",) and not keep and not isinstance(node, ast.Module):
                keep = [ast.Pass()]
            if field == "handlers" and not keep and isinstance(node, ast.Try) and not node.finalbody:
                keep = items[:1]
            setattr(node, field, keep)
        return super().generic_visit(node)


def statements(tree):
    """Every statement and except-handler, outer ones first."""
    out = []
    for node in ast.walk(tree):
        if is_footer(node):
            continue  # the footer runs main: never touched
        for field in ("body", "orelse", "finalbody", "handlers"):
            items = getattr(node, field, None)
            if isinstance(items, list):
                for s in items:
                    if isinstance(s, (ast.stmt, ast.ExceptHandler)):
                        out.append(s)
    return out


def is_footer(s):
    return isinstance(s, ast.If) and "__main__" in ast.dump(s.test)


def is_protected(s):
    # keep main and the __main__ footer: without them nothing runs
    if isinstance(s, (ast.Import, ast.ImportFrom)):
        return True
    if isinstance(s, ast.FunctionDef) and s.name == "main":
        return True
    if isinstance(s, ast.If) and "__main__" in ast.dump(s.test):
        return True
    return False


def without(src, indices):
    tree = ast.parse(src)
    stmts = statements(tree)
    drop = set(id(stmts[i]) for i in indices if i < len(stmts))
    tree = _Dropper(drop).visit(tree)
    ast.fix_missing_locations(tree)
    return ast.unparse(tree) + "\n"


class _Simplifier(ast.NodeTransformer):
    """Replaces the k-th candidate expression by a simpler one."""

    def __init__(self, target):
        self.target = target
        self.n = 0
        self.done = False

    def visit_BinOp(self, node):
        self.generic_visit(node)
        return self._maybe(node, [node.left, node.right])

    def visit_Call(self, node):
        self.generic_visit(node)
        if isinstance(node.func, ast.Name) and node.func.id in ("intmask", "abs", "int", "str", "float") and node.args:
            return self._maybe(node, [node.args[0]])
        return node

    def visit_IfExp(self, node):
        self.generic_visit(node)
        return self._maybe(node, [node.body, node.orelse])

    def visit_BoolOp(self, node):
        self.generic_visit(node)
        return self._maybe(node, list(node.values))

    def _maybe(self, node, options):
        for opt in options:
            if self.n == self.target and not self.done:
                self.done = True
                self.n += 1
                return opt
            self.n += 1
        return node


def simplify(src, k):
    tree = ast.parse(src)
    s = _Simplifier(k)
    tree = s.visit(tree)
    if not s.done:
        return None
    ast.fix_missing_locations(tree)
    return ast.unparse(tree) + "\n"


def reduce(src, predicate, budget=300, log=None):
    """predicate(src) -> bool (True: still shows the difference). Returns the smallest
    source found within `budget` predicate calls."""
    calls = [0]
    seen = {}

    def test(candidate):
        if candidate in seen:
            return seen[candidate]
        if calls[0] >= budget:
            return False
        calls[0] += 1
        try:
            ast.parse(candidate)
        except SyntaxError:
            seen[candidate] = False
            return False
        ok = predicate(candidate)
        seen[candidate] = ok
        if log and ok:
            log("  reduced to %d lines (%d tests)" % (candidate.count("\n"), calls[0]))
        return ok

    cur = ast.unparse(ast.parse(src)) + "\n"
    if not test(cur):
        cur = src  # unparse changed the behaviour: reduce the original text anyway
    progress = True
    while progress and calls[0] < budget:
        progress = False
        # delta debugging over statements, largest chunks first
        n = len(statements(ast.parse(cur)))
        chunk = max(1, n // 2)
        while chunk >= 1 and calls[0] < budget:
            i = 0
            while i < n and calls[0] < budget:
                stmts = statements(ast.parse(cur))
                idx = [j for j in range(i, min(i + chunk, len(stmts))) if not is_protected(stmts[j])]
                if idx:
                    cand = without(cur, idx)
                    if cand != cur and test(cand):
                        cur = cand
                        progress = True
                        n = len(statements(ast.parse(cur)))
                        continue
                i += chunk
            chunk //= 2
        # expression simplification
        k = 0
        while calls[0] < budget:
            cand = simplify(cur, k)
            if cand is None:
                break
            if cand != cur and test(cand):
                cur = cand
                progress = True
            else:
                k += 1
    return cur


if __name__ == "__main__":
    import tempfile

    import run as runner

    src = open(sys.argv[1]).read()
    budget = 300
    if "--budget" in sys.argv:
        budget = int(sys.argv[sys.argv.index("--budget") + 1])
    work = tempfile.mkdtemp(prefix="rpy-reduce-")
    kind, detail, info = runner.check(src, work, runner.DEFAULT_TIMEOUTS)
    sys.stderr.write("%s: %s\n" % (kind, detail))
    if kind == "ok" or "python" not in info:
        sys.exit("reduce.py: nothing to reduce (%s)" % kind)
    pred = runner.make_predicate(kind, detail, runner.DEFAULT_TIMEOUTS, work, info["python"])
    sys.stdout.write(reduce(src, pred, budget, log=lambda m: sys.stderr.write(m + "\n")))
