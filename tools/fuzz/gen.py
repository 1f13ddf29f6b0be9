#!/usr/bin/env python3
"""Random well-typed programs for differential testing (rpy vs CPython).

usage: tools/fuzz/gen.py SEED [--jit-only | --no-jit]   (prints the program)

The same seed always gives the same program. A program has random functions over
int/float/bool/str/list/dict/tuple/instance values, a class hierarchy with overridden
methods, user exceptions raised from nested calls, bounded recursion, and (most seeds)
a small random bytecode interpreter with a JitDriver (see jitgen.py). Every value it
computes is mixed into a running checksum, printed periodically and at the end.

Ints stay within 64 bits by construction: ring expressions (+ - * & | ^ ~) are only
used under `intmask(...)` or `& MASK` (wrapping commutes with them), while the other
operations (// % >> comparisons, indexing, str()) only see values already in range.
"""

import random
import sys

from jitgen import gen_jit_part

INDENT = "    "
TYPES = ["int", "int", "int", "float", "bool", "str", "str", "lint", "lstr", "dsi", "tup", "obj", "lobj"]
PARAM_TYPES = ["int", "int", "str", "float", "lint", "obj"]
RET_TYPES = ["int", "int", "str", "float"]
STR_LITS = ["", "a", "ab", "xyz", "hello", "A-B", " sp ", "q1", "zz9", "\u00e9t\u00e9", "k"]
MASKS = ["0xFF", "0xFFFF", "0xFFFFF", "0x7FFFFFFF", "0xFFFFFFFFFFFF"]

HEADER = '''\
import sys
import math
from rpy.rarithmetic import intmask
from rpy.rstring import StringBuilder

CK = 0


def mix(h):
    global CK
    CK = intmask(CK * 1000003 + h)


def mix_s(s):
    h = len(s)
    for ch in s:
        h = (h * 31 + ord(ch)) & 0xFFFFFFF
    mix(h)


def mix_f(f):
    if abs(f) < 1e15:
        mix(int(f * 64.0))
    else:
        mix(7)


class FuzzError(Exception):
    def __init__(self, code):
        self.code = code


class FuzzError2(FuzzError):
    pass

'''


class Fn(object):
    def __init__(self, name, params, ret, rec=False):
        self.name = name
        self.params = params  # [(name, type)]
        self.ret = ret
        self.rec = rec


class Gen(object):
    def __init__(self, seed):
        self.r = random.Random(seed)
        self.funcs = []
        self.classes = []  # (name, base, has_extra)
        self.out = []
        self.counter = 0
        self.calls_left = 0
        self.cur_ret = None

    # ---- helpers
    def fresh(self, prefix):
        self.counter += 1
        return "%s%d" % (prefix, self.counter)

    def chance(self, p):
        return self.r.random() < p

    def pick(self, xs):
        return self.r.choice(xs)

    def pure(self, env):
        return "__pure__" in env

    def may_call(self, env):
        if "__loop__" in env or self.calls_left <= 0:
            return False
        self.calls_left -= 1
        return True

    def vars_of(self, env, t):
        return [n for n, ty in env.items() if ty == t]

    # ---- expressions
    def atom_int(self, env, d):
        r = self.r
        opts = ["const", "const"]
        if self.vars_of(env, "int"):
            opts += ["var"] * 4
        if d > 0:
            opts += ["cond", "minmax"]
            if not self.pure(env):
                opts += ["len", "strint", "call", "obj", "tup", "dget", "lidx", "floatint", "strm", "ftab", "set"]
        k = self.pick(opts)
        if k == "const":
            return str(self.pick([0, 1, 2, 3, 5, 7, 10, 13, 100, 255, 1000, -1, -7, 65536, r.randint(-50, 50)]))
        if k == "var":
            return self.pick(self.vars_of(env, "int"))
        if k == "len":
            t = self.pick(["str", "lint", "dsi", "lstr"])
            return "len(%s)" % self.expr(t, env, d - 1)
        if k == "strint":
            return "int(str(%s))" % self.safe_int(env, d - 1)
        if k == "strm":
            s = self.expr("str", env, d - 1)
            m = self.pick(["find", "count", "rfind"])
            return "%s.%s(%r)" % (s, m, self.pick(["a", "b", "z", "-", ""] if m == "count" else ["a", "zz", "-", ""]))
        if k == "ftab":
            return "FTAB[%s & 3](%s)" % (self.safe_int(env, d - 1), self.safe_int(env, d - 1))
        if k == "set":
            l = self.expr("lint", env, d - 1)
            return self.pick(["len(set(%s))" % l, "(1 if %s in set(%s) else 0)" % (self.atom_int(env, 0), l)])
        if k == "floatint":
            return "int((%s) %% 1e9)" % self.expr("float", env, d - 1)
        if k == "call":
            fs = [f for f in self.funcs if f.ret == "int"]
            if fs and self.may_call(env):
                return self.call(self.pick(fs), env, d - 1)
            return "0"
        if k == "obj":
            o = self.expr("obj", env, d - 1)
            return self.pick(["%s.a" % o, "%s.m(%s)" % (o, self.safe_int(env, d - 1)), "len(%s.s)" % o])
        if k == "tup":
            return "%s[0]" % self.expr("tup", env, d - 1)
        if k == "dget":
            return "%s.get(%s, %s)" % (self.expr("dsi", env, d - 1), self.expr("str", env, d - 1), self.atom_int(env, 0))
        if k == "cond":
            return "(%s if %s else %s)" % (self.safe_int(env, d - 1), self.expr("bool", env, d - 1), self.safe_int(env, d - 1))
        if k == "minmax":
            return "%s(%s, %s)" % (self.pick(["min", "max"]), self.safe_int(env, d - 1), self.safe_int(env, d - 1))
        if k == "lidx":
            lv = self.vars_of(env, "lint")
            if lv:
                l = self.pick(lv)
                return "(%s[%s %% len(%s)] if len(%s) > 0 else 3)" % (l, self.safe_int(env, d - 1), l, l)
            return "sum(%s)" % self.expr("lint", env, d - 1)
        raise AssertionError(k)

    def ring(self, env, d):
        """An int expression that may leave 64 bits (only + - * & | ^ ~ unary -)."""
        if d <= 0 or self.chance(0.3):
            return self.atom_int(env, d)
        k = self.r.randint(0, 9)
        if k == 0:
            return "-%s" % self.ring(env, d - 1)
        if k == 1:
            return "~%s" % self.ring(env, d - 1)
        if k == 2:
            return "(%s << %d)" % (self.ring(env, d - 1), self.r.randint(0, 40))
        if k == 3:
            return "(%s ** %d)" % (self.ring(env, d - 1), self.r.randint(0, 3))
        op = self.pick(["+", "-", "*", "+", "*", "&", "|", "^"])
        return "(%s %s %s)" % (self.ring(env, d - 1), op, self.ring(env, d - 1))

    def safe_int(self, env, d):
        """An int expression whose every intermediate value fits in 64 bits."""
        k = self.r.randint(0, 9)
        if d <= 0 or k <= 2:
            return self.atom_int(env, d)
        if k <= 4:
            return "intmask(%s)" % self.ring(env, d)
        if k <= 6:
            return "(%s & %s)" % (self.ring(env, d), self.pick(MASKS))
        if k == 7:
            return "(%s %s %s)" % (self.safe_int(env, d - 1), self.pick(["//", "%"]), self.pick(["3", "7", "10", "-4", "256"]))
        if k == 8:
            if self.chance(0.5):
                return "(%s %s %s)" % (self.safe_int(env, d - 1), self.pick(["//", "%"]), self.pick(["3", "-5", "1000"]))
            return "(%s >> %d)" % (self.safe_int(env, d - 1), self.r.randint(0, 20))
        return "((%s & 0xFFFF) * (%s & 0xFFFF))" % (self.safe_int(env, d - 1), self.safe_int(env, d - 1))

    def expr(self, t, env, d):
        r = self.r
        vs = self.vars_of(env, t)
        if vs and (d <= 0 or self.chance(0.5)):
            return self.pick(vs)
        if t == "int":
            return self.safe_int(env, d)
        if t == "float":
            if d <= 0:
                return self.pick(["0.5", "1.25", "-3.0", "2.0", "0.1", "1e3", "1e-7", "123456.789", "-0.0", "2.5e15"])
            k = r.randint(0, 6)
            if k == 0:
                return "float(%s & 0xFFFF)" % self.safe_int(env, d - 1)
            if k == 1:
                return "(%s / (abs(%s) + 1.0))" % (self.expr("float", env, d - 1), self.expr("float", env, d - 1))
            if k == 2:
                return "math.sqrt(abs(%s))" % self.expr("float", env, d - 1)
            if k == 3:
                return "(%s %% 97.5)" % self.expr("float", env, d - 1)
            return "(%s %s %s)" % (self.expr("float", env, d - 1), self.pick(["+", "-", "*"]), self.expr("float", env, d - 1))
        if t == "bool":
            if d <= 0:
                return self.pick(["True", "False"])
            k = r.randint(0, 7)
            if self.pure(env):
                k = 0
            if k <= 1:
                return "(%s %s %s)" % (self.safe_int(env, d - 1), self.pick(["<", "<=", "==", "!=", ">", ">="]), self.safe_int(env, d - 1))
            if k == 2:
                return "(%s < %s <= %s)" % (self.safe_int(env, d - 1), self.safe_int(env, d - 1), self.safe_int(env, d - 1))
            if k == 3:
                return "(%s %s %s)" % (self.expr("str", env, d - 1), self.pick(["<", "==", "!=", "in"]), self.expr("str", env, d - 1))
            if k == 4:
                return "(%s and %s)" % (self.expr("bool", env, d - 1), self.expr("bool", env, d - 1))
            if k == 5:
                return "(not %s)" % self.expr("bool", env, d - 1)
            if k == 6:
                return "(%s in %s)" % (self.safe_int(env, d - 1), self.expr("lint", env, d - 1))
            return "isinstance(%s, %s)" % (self.expr("obj", env, d - 1), self.pick(self.classes)[0])
        if t == "str":
            if d <= 0:
                return repr(self.pick(STR_LITS))
            k = r.randint(0, 12)
            if k <= 1:
                return "(%s + %s)" % (self.expr("str", env, d - 1), self.expr("str", env, d - 1))
            if k == 2:
                return "str(%s)" % self.safe_int(env, d - 1)
            if k == 3:
                if self.chance(0.3):
                    return "%s[::%s]" % (self.expr("str", env, d - 1), self.pick(["-1", "2", "-2", "3"]))
                return "%s[%s:%s]" % (self.expr("str", env, d - 1), self.safe_int(env, 0), self.safe_int(env, 0))
            if k == 4:
                return "%s.%s()" % (self.expr("str", env, d - 1), self.pick(["upper", "lower", "strip", "title"]))
            if k == 5:
                return "%s.replace(%r, %r)" % (self.expr("str", env, d - 1), self.pick(["a", "z", "-", " "]), self.pick(["", "AA", "."]))
            if k == 6:
                return "%r.join(%s)" % (self.pick(["", ",", "-"]), self.expr("lstr", env, d - 1))
            if k == 7:
                return self.fstring(env)
            if k == 8:
                return "(\"%%d/%%s\" %% (%s, %s))" % (self.safe_int(env, d - 1), self.expr("str", env, d - 1))
            if k == 9:
                return "%s.desc()" % self.expr("obj", env, d - 1)
            if k == 10:
                return "%s[1]" % self.expr("tup", env, d - 1)
            if k == 11:
                e = self.expr("str", env, d - 1)
                return self.pick(["str(%s)" % self.expr("float", env, d - 1), "('%%.3f|%%e|%%g' %% (%s, %s, %s))" % (
                    self.expr("float", env, d - 1), self.expr("float", env, d - 1), self.expr("float", env, d - 1)),
                    "str(%s * 1e%d)" % (self.expr("float", env, d - 1), self.r.randint(-12, 18)), "%s.zfill(6)" % e, "%s.ljust(5, '.')" % e,
                                  "(%s * %d)" % (e, self.r.randint(0, 3)), "%s.center(7)" % e, "%s.rjust(4)" % e])
            fs = [f for f in self.funcs if f.ret == "str"]
            if fs and self.may_call(env):
                return self.call(self.pick(fs), env, d - 1)
            return "chr(65 + (%s & 15))" % self.safe_int(env, d - 1)
        if t == "lint":
            if d <= 0:
                return self.pick(["[]", "[1, 2, 3]", "[5]", "[0, -1]"])
            k = r.randint(0, 6)
            if k == 0:
                return "[%s]" % ", ".join(self.safe_int(env, d - 1) for _ in range(r.randint(0, 3)))
            if k == 1:
                if self.chance(0.3):
                    return "%s[%s::%s]" % (self.expr("lint", env, d - 1), self.pick(["", "1", "-2"]), self.pick(["-1", "2", "-3"]))
                return "%s[%s:%s]" % (self.expr("lint", env, d - 1), self.safe_int(env, 0), self.safe_int(env, 0))
            if k == 2:
                return "(%s + %s)" % (self.expr("lint", env, d - 1), self.expr("lint", env, d - 1))
            if k == 3:
                return "sorted(%s)" % self.expr("lint", env, d - 1)
            if k == 4:
                x = self.fresh("x")
                return "[(%s * 3 + 1) & 0xFFFF for %s in %s]" % (x, x, self.expr("lint", env, d - 1))
            if k == 5:
                return "list(range(%s & 7))" % self.safe_int(env, d - 1)
            if self.chance(0.5):
                return "[i * %d for i, w in enumerate(%s) if len(w) > %d]" % (self.r.randint(1, 5), self.expr("lstr", env, d - 1), self.r.randint(0, 2))
            return "[len(w) for w in %s]" % self.expr("lstr", env, d - 1)
        if t == "lstr":
            if d <= 0:
                return self.pick(["[]", "['a', 'b']", "['xy']"])
            k = r.randint(0, 4)
            if k == 4:
                return "%s.split()" % self.expr("str", env, d - 1)
            if k == 0:
                return "[%s]" % ", ".join(self.expr("str", env, d - 1) for _ in range(r.randint(0, 3)))
            if k == 1:
                return "%s.split(%r)" % (self.expr("str", env, d - 1), self.pick(["a", "-", ","]))
            if k == 2:
                return "[str(v) for v in %s]" % self.expr("lint", env, d - 1)
            return "sorted(%s)" % self.expr("lstr", env, d - 1)
        if t == "dsi":
            if d <= 0:
                return self.pick(["{}", "{'a': 1}", "{'k': 2, 'zz9': 3}"])
            k = r.randint(0, 2)
            if k == 0:
                return "{%s: %s}" % (self.expr("str", env, d - 1), self.safe_int(env, d - 1))
            if k == 1:
                return "%s.copy()" % self.expr("dsi", env, d - 1)
            return "{w: len(w) for w in %s}" % self.expr("lstr", env, d - 1)
        if t == "tup":
            return "(%s, %s)" % (self.safe_int(env, d - 1), self.expr("str", env, d - 1))
        if t == "obj":
            cls = self.pick(self.classes)[0]
            return "%s(%s, %s)" % (cls, self.safe_int(env, d - 1), self.expr("str", env, 0))
        if t == "lobj":
            return "[%s]" % ", ".join(self.expr("obj", env, d - 1) for _ in range(r.randint(1, 2)))
        raise AssertionError(t)

    def fstring(self, env):
        specs = {"int": ["", ":5", ":<4", ":x", ":08b", ":+d", ":,", ":>6"],
                 "float": ["", ":.3f", ":10.2f", ":e", ":.1%"],
                 "str": ["", ":>6", ":^7", ":.2"]}
        parts = []
        for _ in range(self.r.randint(1, 3)):
            vs = [n for n, t in env.items() if t in specs and not n.startswith("__") and "." not in n]
            if not vs:
                break
            n = self.pick(vs)
            parts.append("{%s%s}" % (n, self.pick(specs[env[n]])))
            parts.append(self.pick(["", "-", " ", "=", "|"]))
        if not parts:
            return "'f'"
        return 'f"' + "".join(parts) + '"'

    def call(self, f, env, d):
        args = []
        for pname, pt in f.params:
            if f.rec and pname == "n":
                args.append("%s & 7" % self.safe_int(env, 0))
            elif pt == "float":
                args.append("(%s) %% 1000.0" % self.expr(pt, env, d))
            else:
                args.append(self.expr(pt, env, d))
        return "%s(%s)" % (f.name, ", ".join(args))

    # ---- statements
    def emit(self, ind, line):
        self.out.append(INDENT * ind + line)

    def assign_value(self, name, t, env):
        e = self.expr(t, env, 2)
        if t == "str":
            e = "(%s)[:24]" % e
        elif t in ("lint", "lstr"):
            e = "(%s)[:12]" % e
        elif t == "float":
            e = "(%s) %% 10007.0" % e
        return e

    def mix_stmt(self, ind, env):
        vs = [(n, t) for n, t in env.items() if not n.startswith("__")]
        if not vs:
            return
        n, t = self.pick(vs)
        if t == "int":
            self.emit(ind, "mix(%s)" % n)
        elif t == "float":
            self.emit(ind, "mix_f(%s)" % n)
        elif t == "bool":
            self.emit(ind, "mix(int(%s))" % n)
        elif t == "str":
            self.emit(ind, "mix_s(%s)" % n)
        elif t == "lint":
            self.emit(ind, "mix(sum(%s) + len(%s))" % (n, n))
        elif t == "lstr":
            self.emit(ind, "mix_s(\"|\".join(%s))" % n)
        elif t == "dsi":
            self.emit(ind, "mix_s(str(%s))" % n)
        elif t == "tup":
            self.emit(ind, "mix(%s[0])" % n)
            self.emit(ind, "mix_s(%s[1])" % n)
        elif t == "obj":
            self.emit(ind, "mix(%s.m(1))" % n)
        elif t == "lobj":
            x = self.fresh("o")
            self.emit(ind, "for %s in %s:" % (x, n))
            self.emit(ind + 1, "mix_s(%s.desc())" % x)

    def assignable(self, env):
        return [(n, t) for n, t in env.items() if not n.startswith("__") and n not in env.get("__ro__", ())]

    def stmt(self, ind, env, depth, in_loop):
        r = self.r
        k = r.randint(0, 31)
        av = self.assignable(env)
        if k <= 6 and av:
            n, t = self.pick(av)
            self.emit(ind, "%s = %s" % (n, self.assign_value(n, t, env)))
            return
        if k == 7:
            self.mix_stmt(ind, env)
            return
        if k == 8:
            vs = [n for n, t in env.items() if not n.startswith("__") and t in ("int", "str", "lint", "lstr", "dsi", "tup", "float", "bool", "obj")]
            if vs:
                self.emit(ind, "print(%r, %s)" % (self.fresh("p"), self.pick(vs)))
            else:
                self.emit(ind, "print('ck', CK)")
            return
        if k <= 10 and depth > 0:
            self.emit(ind, "if %s:" % self.expr("bool", env, 2))
            self.block(ind + 1, env, depth - 1, in_loop)
            if self.chance(0.3):
                self.emit(ind, "elif %s:" % self.expr("bool", env, 2))
                self.block(ind + 1, env, depth - 1, in_loop)
            if self.chance(0.5):
                self.emit(ind, "else:")
                self.block(ind + 1, env, depth - 1, in_loop)
            return
        if k == 11 and depth > 0:
            i = self.fresh("i")
            self.emit(ind, "for %s in range(%s):" % (i, self.pick(["3", "5", "%s & 7" % self.safe_int(env, 1), "-2, 4", "10, 0, -3"])))
            self.loop_body(ind + 1, env, depth, i, "int")
            return
        if k == 12 and depth > 0:
            w = self.fresh("w")
            self.emit(ind, "%s = 0" % w)
            self.emit(ind, "while %s < %d:" % (w, r.randint(1, 6)))
            self.emit(ind + 1, "%s += 1" % w)
            self.loop_body(ind + 1, env, depth, w, "int")
            if self.chance(0.3):
                self.emit(ind, "else:")
                self.emit(ind + 1, "mix(%s)" % w)
            return
        if k == 13 and depth > 0:
            lv = self.vars_of(env, "lint") + self.vars_of(env, "str") + self.vars_of(env, "dsi")
            if lv:
                l = self.pick(lv)
                x = self.fresh("e")
                t = {"lint": "int", "str": "str", "dsi": "str"}[env[l]]
                src = {"lint": "%s[:]", "str": "%s", "dsi": "%s.copy()"}[env[l]] % l
                self.emit(ind, "for %s in %s:" % (x, src))
                self.loop_body(ind + 1, env, depth, x, t)
                return
        if k == 14 and depth > 0:
            self.try_stmt(ind, env, depth, in_loop)
            return
        if k == 15:
            self.emit(ind, "if %s:" % self.expr("bool", env, 1))
            self.emit(ind + 1, "raise %s(%s)" % (self.pick(["FuzzError", "FuzzError2"]), self.safe_int(env, 1)))
            return
        if k <= 18:
            self.mutate(ind, env)
            return
        if k == 19 and in_loop:
            self.emit(ind, "if %s:" % self.expr("bool", env, 1))
            self.emit(ind + 1, self.pick(["break", "continue"]))
            return
        if k == 20:
            fs = [f for f in self.funcs if f.ret == "int"]
            if fs and self.may_call(env):
                self.emit(ind, "mix(%s)" % self.call(self.pick(fs), env, 1))
                return
        if k == 21:
            tv = self.vars_of(env, "tup")
            iv = [n for n, t in self.assignable(env) if t == "int"]
            sv = [n for n, t in self.assignable(env) if t == "str"]
            if tv and iv and sv:
                self.emit(ind, "%s, %s = %s" % (self.pick(iv), self.pick(sv), self.pick(tv)))
                return
        if k == 23 and depth > 0:
            dv = self.vars_of(env, "dsi")
            if dv:
                kk, vv = self.fresh("k"), self.fresh("v")
                self.emit(ind, "for %s, %s in %s.items():" % (kk, vv, self.pick(dv)))
                self.emit(ind + 1, "mix(%s + len(%s))" % (vv, kk))
                return
        if k == 24:
            sv = [n for n, t in self.assignable(env) if t == "str"]
            if sv:
                b, e = self.fresh("sb"), self.fresh("e")
                self.emit(ind, "%s = StringBuilder()" % b)
                self.emit(ind, "for %s in %s:" % (e, self.expr("lstr", env, 1)))
                self.emit(ind + 1, "%s.append(%s)" % (b, e))
                self.emit(ind + 1, "%s.append(%r)" % (b, self.pick([",", "", "ab"])))
                self.emit(ind, "%s = %s.build()[:30]" % (self.pick(sv), b))
                return
        if k == 25 and depth > 0:
            lv = self.vars_of(env, "lint")
            if lv:
                a, x, y = self.fresh("i"), self.fresh("x"), self.fresh("y")
                self.emit(ind, "for %s, (%s, %s) in enumerate(zip(%s, %s)):" % (a, x, y, self.pick(lv), self.expr("lint", env, 1)))
                self.emit(ind + 1, "mix(%s * 7 + %s - %s)" % (a, x, y))
                return
        if k == 26 and self.cur_ret and depth < 3:
            self.emit(ind, "if %s:" % self.expr("bool", env, 1))
            e = self.expr(self.cur_ret, env, 1)
            if self.cur_ret == "float":
                e = "(%s) %% 1000.0" % e
            if self.cur_ret == "str":
                e = "(%s)[:20]" % e
            self.emit(ind + 1, "return %s" % e)
            return
        if k == 27:
            ov = self.vars_of(env, "obj")
            if ov:
                self.emit(ind, "print(%s)" % self.pick(ov))
                return
        if k == 22:
            ov = self.vars_of(env, "obj")
            iv = [n for n, t in self.assignable(env) if t == "int"]
            subs = [c for c in self.classes if c[2]]
            if ov and iv and subs:
                o = self.pick(ov)
                c = self.pick(subs)
                self.emit(ind, "if isinstance(%s, %s):" % (o, c[0]))
                self.emit(ind + 1, "%s = %s.extra + %s.m2()" % (self.pick(iv), o, o))
                return
        self.mix_stmt(ind, env)

    def loop_body(self, ind, env, depth, var, vt):
        env2 = dict(env)
        env2[var] = vt
        env2["__loop__"] = "__"
        env2["__ro__"] = tuple(env.get("__ro__", ())) + (var,)
        self.block(ind, env2, depth - 1, True)

    def block(self, ind, env, depth, in_loop):
        n = self.r.randint(1, 4)
        for _ in range(n):
            self.stmt(ind, env, depth, in_loop)

    def try_stmt(self, ind, env, depth, in_loop):
        self.emit(ind, "try:")
        self.block(ind + 1, env, depth - 1, in_loop)
        if self.chance(0.6):
            fs = [f for f in self.funcs if f.ret == "int"]
            if fs and self.may_call(env):
                self.emit(ind + 1, "mix(%s)" % self.call(self.pick(fs), env, 1))
        if self.chance(0.5):
            lv = self.vars_of(env, "lint")
            if lv:
                self.emit(ind + 1, "mix(%s[%s])" % (self.pick(lv), self.safe_int(env, 1)))
        handlers = ["FuzzError2", "FuzzError", "IndexError", "KeyError", "ZeroDivisionError"]
        self.r.shuffle(handlers)
        n = self.r.randint(0, 3)
        if n == 0 and self.chance(0.5):
            n = 1
        for h in handlers[:n]:
            if h.startswith("Fuzz") and self.chance(0.7):
                self.emit(ind, "except %s as ex:" % h)
                self.emit(ind + 1, "mix(ex.code + %d)" % self.r.randint(1, 9))
            else:
                self.emit(ind, "except %s:" % h)
                self.emit(ind + 1, "mix(%d)" % self.r.randint(10, 99))
            if self.chance(0.2):
                self.emit(ind + 1, "print(%r, CK)" % self.fresh("h"))
        if n > 0 and self.chance(0.3):
            self.emit(ind, "else:")
            self.block(ind + 1, env, 0, in_loop)
        if n == 0 or self.chance(0.5):
            self.emit(ind, "finally:")
            self.emit(ind + 1, "mix(%d)" % self.r.randint(100, 999))

    def mutate(self, ind, env):
        r = self.r
        av = self.assignable(env)
        lv = [n for n, t in av if t == "lint"] + [n for n, t in env.items() if t == "lint" and not n.startswith("__")]
        dv = [n for n, t in env.items() if t == "dsi" and not n.startswith("__")]
        ov = [n for n, t in env.items() if t == "obj" and not n.startswith("__")]
        lov = [n for n, t in env.items() if t == "lobj" and not n.startswith("__")]
        lsv = [n for n, t in env.items() if t == "lstr" and not n.startswith("__")]
        choices = []
        if lv:
            choices += ["append", "pop", "setitem", "sort", "del", "insert", "remove"]
        if dv:
            choices += ["dset", "ddel", "dpop"]
        if ov:
            choices += ["oset", "ocall"]
        if lov:
            choices += ["loappend", "loiter"]
        if lsv:
            choices += ["lsappend"]
        if not choices:
            self.mix_stmt(ind, env)
            return
        c = self.pick(choices)
        if c == "append":
            l = self.pick(lv)
            self.emit(ind, "if len(%s) < 30:" % l)
            self.emit(ind + 1, "%s.append(%s)" % (l, self.safe_int(env, 2)))
        elif c == "pop":
            l = self.pick(lv)
            self.emit(ind, "if len(%s) > 0:" % l)
            self.emit(ind + 1, "mix(%s.pop(%s))" % (l, self.pick(["", "0", "-1"])))
        elif c == "setitem":
            l = self.pick(lv)
            self.emit(ind, "if len(%s) > 0:" % l)
            self.emit(ind + 1, "%s[%s %% len(%s)] = %s" % (l, self.safe_int(env, 1), l, self.safe_int(env, 2)))
        elif c == "sort":
            l = self.pick(lv)
            self.emit(ind, "%s.%s" % (l, self.pick(["sort()", "reverse()", "sort(reverse=True)"])))
        elif c == "del":
            l = self.pick(lv)
            self.emit(ind, "if len(%s) > 1:" % l)
            self.emit(ind + 1, "del %s[%s %% len(%s)]" % (l, self.safe_int(env, 1), l))
        elif c == "insert":
            l = self.pick(lv)
            self.emit(ind, "if len(%s) < 30:" % l)
            self.emit(ind + 1, "%s.insert(%s, %s)" % (l, self.safe_int(env, 1), self.safe_int(env, 1)))
        elif c == "remove":
            l = self.pick(lv)
            v = self.safe_int(env, 1)
            self.emit(ind, "if %s in %s:" % (v, l))
            self.emit(ind + 1, "%s.remove(%s)" % (l, v))
        elif c == "dset":
            d = self.pick(dv)
            self.emit(ind, "if len(%s) < 20:" % d)
            self.emit(ind + 1, "%s[%s] = %s" % (d, self.expr("str", env, 1), self.safe_int(env, 2)))
        elif c == "ddel":
            d = self.pick(dv)
            k = self.expr("str", env, 1)
            self.emit(ind, "if %s in %s:" % (k, d))
            self.emit(ind + 1, "del %s[%s]" % (d, k))
        elif c == "dpop":
            d = self.pick(dv)
            self.emit(ind, "mix(%s.pop(%s, %d))" % (d, self.expr("str", env, 1), r.randint(0, 9)))
        elif c == "oset":
            o = self.pick(ov)
            self.emit(ind, "%s.a = %s" % (o, self.safe_int(env, 2)))
        elif c == "ocall":
            o = self.pick(ov)
            self.emit(ind, "mix(%s.m(%s))" % (o, self.safe_int(env, 1)))
        elif c == "loappend":
            l = self.pick(lov)
            self.emit(ind, "if len(%s) < 8:" % l)
            self.emit(ind + 1, "%s.append(%s)" % (l, self.expr("obj", env, 1)))
        elif c == "loiter":
            l = self.pick(lov)
            x = self.fresh("o")
            self.emit(ind, "for %s in %s:" % (x, l))
            self.emit(ind + 1, "mix(%s.m(%s))" % (x, self.safe_int(env, 0)))
        elif c == "lsappend":
            l = self.pick(lsv)
            self.emit(ind, "if len(%s) < 10:" % l)
            self.emit(ind + 1, "%s.append(%s)" % (l, self.expr("str", env, 1)))

    # ---- top level
    def gen_classes(self):
        names = ["Base"]
        self.classes.append(("Base", None, False))
        for i in range(self.r.randint(1, 3)):
            name = "C%d" % i
            base = self.pick(names)
            self.classes.append((name, base, True))
            names.append(name)
        for name, base, extra in self.classes:
            self.emit(0, "class %s(%s):" % (name, base or "object"))
            env = {"self.a": "int", "x": "int", "self.K": "int", "__pure__": "__"}
            if base is None or self.chance(0.4):
                self.emit(1, "K = %d" % self.r.randint(-5, 50))
            if base is None:
                self.emit(1, "def __init__(self, a, s):")
                self.emit(2, "self.a = a")
                self.emit(2, "self.s = s")
            else:
                self.emit(1, "def __init__(self, a, s):")
                if self.chance(0.5):
                    self.emit(2, "%s.__init__(self, a, s + %r)" % (base, name[-1]))
                else:
                    self.emit(2, "super().__init__(a, s)")
                self.emit(2, "self.extra = %s" % self.safe_int({"a": "int", "__pure__": "__"}, 2))
            if base is None or self.chance(0.7):
                self.emit(1, "")
                self.emit(1, "def m(self, x):")
                if self.chance(0.3):
                    self.emit(2, "if (x & %d) == %d:" % (self.r.choice([7, 15, 31]), self.r.randint(0, 7)))
                    self.emit(3, "raise FuzzError2(x & 0xFF)")
                self.emit(2, "return %s" % self.safe_int(env, 3))
            if extra:
                self.emit(1, "")
                self.emit(1, "def m2(self):")
                self.emit(2, "return self.extra & 0xFF")
            if base is None or self.chance(0.5):
                self.emit(1, "")
                self.emit(1, "def desc(self):")
                self.emit(2, "return %r + self.s + str(self.a & 0xFF)" % name)
            if base is None:
                self.emit(1, "")
                self.emit(1, "def __str__(self):")
                self.emit(2, "return self.desc()")
            self.emit(0, "")
            self.emit(0, "")

    def gen_ftab(self):
        names = []
        for i in range(4):
            name = "g%d" % i
            self.emit(0, "def %s(x):" % name)
            self.emit(1, "return %s" % self.safe_int({"x": "int", "__pure__": "__"}, 2))
            self.emit(0, "")
            self.emit(0, "")
            names.append(name)
        self.emit(0, "FTAB = [%s]" % ", ".join(names))
        self.emit(0, "")
        self.emit(0, "")

    def gen_function(self, f):
        r = self.r
        self.emit(0, "def %s(%s):" % (f.name, ", ".join(p for p, _ in f.params)))
        env = dict(f.params)
        self.calls_left = 3
        self.cur_ret = f.ret
        if f.rec:
            env["__ro__"] = ("n",)
            self.emit(1, "if n <= 0:")
            self.emit(2, "return %s" % self.expr(f.ret, env, 1))
        for _ in range(r.randint(2, 5)):
            t = self.pick(TYPES)
            name = self.fresh("v")
            self.emit(1, "%s = %s" % (name, self.assign_value(name, t, env)))
            env[name] = t
        self.block(1, env, 3, False)
        if f.rec:
            args = ["n - 1"] + [self.expr(pt, env, 1) for p, pt in f.params[1:]]
            rv = self.fresh("v")
            self.emit(1, "%s = %s(%s)" % (rv, f.name, ", ".join(args)))
            env[rv] = f.ret
            self.block(1, env, 1, False)
        ret = self.expr(f.ret, env, 2)
        if f.ret == "str":
            ret = "(%s)[:20]" % ret
        if f.ret == "float":
            ret = "(%s) %% 1000.0" % ret
        self.emit(1, "return %s" % ret)
        self.emit(0, "")
        self.emit(0, "")
        self.funcs.append(f)

    def gen(self, jit):
        self.out.append(HEADER)
        self.gen_classes()
        self.gen_ftab()
        nf = self.r.randint(2, 5)
        for i in range(nf):
            rec = self.chance(0.25)
            params = [("n", "int")] if rec else []
            for j in range(self.r.randint(1, 3)):
                params.append(("p%d" % j, self.pick(PARAM_TYPES)))
            self.gen_function(Fn("f%d" % i, params, self.pick(RET_TYPES), rec))
        calls = []
        jit_main = []
        if jit:
            jit_src, jit_main = gen_jit_part(self.r)
            self.out.append(jit_src)
        self.emit(0, "def main(argv):")
        env = {"argv": "__argv"}
        self.cur_ret = None
        self.calls_left = 1000
        for f in self.funcs:
            for _ in range(self.r.randint(1, 3)):
                self.emit(1, "try:")
                c = self.call(f, env, 2)
                if f.ret == "int":
                    self.emit(2, "mix(%s)" % c)
                elif f.ret == "str":
                    self.emit(2, "mix_s(%s)" % c)
                else:
                    self.emit(2, "mix_f(%s)" % c)
                self.emit(1, "except FuzzError as ex:")
                self.emit(2, "print('FuzzError', ex.code)")
                self.emit(1, "except (IndexError, KeyError, ZeroDivisionError):")
                self.emit(2, "print('builtin error')")
                self.emit(1, "print('ck', CK)")
        for line in jit_main:
            self.emit(1, line)
        self.emit(1, "print('final', CK)")
        self.emit(1, "return 0")
        self.emit(0, "")
        self.emit(0, "")
        self.emit(0, 'if __name__ == "__main__":')
        self.emit(1, "sys.exit(main(sys.argv))")
        return "\n".join(self.out) + "\n"


def generate(seed, mode="mixed"):
    g = Gen(seed)
    jit = mode == "jit" or (mode == "mixed" and g.r.random() < 0.6)
    return g.gen(jit)


if __name__ == "__main__":
    mode = "mixed"
    if "--jit-only" in sys.argv:
        mode = "jit"
    if "--no-jit" in sys.argv:
        mode = "nojit"
    sys.stdout.write(generate(int(sys.argv[1]), mode))
