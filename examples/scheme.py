"""A small Scheme in the RPython style: a reader, a compiler from s-expressions to AST
node objects with lexically addressed variables, and an AST-walking evaluator whose
main loop (with proper tail calls) carries the JIT driver.

    python3 examples/scheme.py examples/scheme/fib.scm [N]      # PYTHONPATH=lib
    rpy translate examples/scheme.py -o scheme && ./scheme examples/scheme/fib.scm 30

Supported: integers, booleans (#t #f), strings, symbols, quote, lists; `define` (also
inside bodies), `lambda` (closures over linked environment frames), `if`, `cond`,
`let`, `begin`, `set!`, `and`, `or`; primitives + - * quotient remainder = < > <= >=
cons car cdr list null? pair? not eq? display newline, and `(arg N)`: the integer
given after the program file on the command line, or N without one.
"""

import sys

from rpy.jit import JitDriver, promote

# ____________________________________________________________
# Values


class SchemeError(Exception):
    def __init__(self, message):
        self.message = message


class W_Object(object):
    def to_str(self):
        raise SchemeError("cannot display this value")

    def is_true(self):
        return True


class W_Int(W_Object):
    _immutable_fields_ = ["intval"]

    def __init__(self, intval):
        self.intval = intval

    def to_str(self):
        return str(self.intval)


class W_Bool(W_Object):
    _immutable_fields_ = ["boolval"]

    def __init__(self, boolval):
        self.boolval = boolval

    def to_str(self):
        if self.boolval:
            return "#t"
        return "#f"

    def is_true(self):
        return self.boolval


class W_Nil(W_Object):
    def to_str(self):
        return "()"


class W_Unspecified(W_Object):
    def to_str(self):
        return ""


class W_String(W_Object):
    _immutable_fields_ = ["strval"]

    def __init__(self, strval):
        self.strval = strval

    def to_str(self):
        return self.strval


class W_Symbol(W_Object):
    _immutable_fields_ = ["name"]

    def __init__(self, name):
        self.name = name

    def to_str(self):
        return self.name


class W_Pair(W_Object):
    _immutable_fields_ = ["car", "cdr"]

    def __init__(self, car, cdr):
        self.car = car
        self.cdr = cdr

    def to_str(self):
        parts = [self.car.to_str()]
        rest = self.cdr
        while isinstance(rest, W_Pair):
            parts.append(rest.car.to_str())
            rest = rest.cdr
        if rest is not NIL:
            parts.append(".")
            parts.append(rest.to_str())
        return "(" + " ".join(parts) + ")"


class W_Closure(W_Object):
    _immutable_fields_ = ["func", "env"]

    def __init__(self, func, env):
        self.func = func
        self.env = env

    def to_str(self):
        return "#<procedure " + self.func.name + ">"


class W_Primitive(W_Object):
    _immutable_fields_ = ["name", "code", "arity"]

    def __init__(self, name, code, arity):
        self.name = name
        self.code = code
        self.arity = arity  # -1: any number of arguments

    def to_str(self):
        return "#<primitive " + self.name + ">"


NIL = W_Nil()
TRUE = W_Bool(True)
FALSE = W_Bool(False)
UNSPECIFIED = W_Unspecified()
SYMBOLS = {}


def symbol(name):
    if name not in SYMBOLS:
        SYMBOLS[name] = W_Symbol(name)
    return SYMBOLS[name]


def wrap_bool(b):
    if b:
        return TRUE
    return FALSE


def list_to_array(w_list):
    items = []
    while isinstance(w_list, W_Pair):
        items.append(w_list.car)
        w_list = w_list.cdr
    if w_list is not NIL:
        raise SchemeError("improper list")
    return items


def array_to_list(items):
    w_list = NIL
    i = len(items) - 1
    while i >= 0:
        w_list = W_Pair(items[i], w_list)
        i -= 1
    return w_list


# ____________________________________________________________
# The reader


def tokenize(text):
    tokens = []
    i = 0
    n = len(text)
    while i < n:
        c = text[i]
        if c == ";":
            while i < n and text[i] != "\n":
                i += 1
        elif c.isspace():
            i += 1
        elif c == "(" or c == ")" or c == "'":
            tokens.append(c)
            i += 1
        elif c == '"':
            j = i + 1
            while j < n and text[j] != '"':
                j += 1
            if j >= n:
                raise SchemeError("unterminated string")
            tokens.append(text[i : j + 1])
            i = j + 1
        else:
            j = i
            while j < n and not text[j].isspace() and text[j] not in "()';":
                j += 1
            tokens.append(text[i:j])
            i = j
    return tokens


class Reader(object):
    def __init__(self, tokens):
        self.tokens = tokens
        self.pos = 0

    def at_end(self):
        return self.pos >= len(self.tokens)

    def next_token(self):
        if self.at_end():
            raise SchemeError("unexpected end of input")
        tok = self.tokens[self.pos]
        self.pos += 1
        return tok

    def read(self):
        tok = self.next_token()
        if tok == "(":
            items = []
            while True:
                if self.at_end():
                    raise SchemeError("missing ')'")
                if self.tokens[self.pos] == ")":
                    self.pos += 1
                    return array_to_list(items)
                items.append(self.read())
        if tok == ")":
            raise SchemeError("unexpected ')'")
        if tok == "'":
            return array_to_list([symbol("quote"), self.read()])
        return atom(tok)


def atom(tok):
    if tok == "#t":
        return TRUE
    if tok == "#f":
        return FALSE
    if tok.startswith('"'):
        return W_String(tok[1:-1])
    digits = tok
    if tok.startswith("-") and len(tok) > 1:
        digits = tok[1:]
    if digits.isdigit():
        return W_Int(int(tok))
    return symbol(tok)


# ____________________________________________________________
# AST nodes


class Node(object):
    """An expression; `eval_simple` evaluates those that need no tail position."""

    kind = "node"

    def eval_simple(self, env):
        raise SchemeError("internal: not a simple node")


class Const(Node):
    kind = "const"
    _immutable_fields_ = ["w_value"]

    def __init__(self, w_value):
        self.w_value = w_value

    def eval_simple(self, env):
        return self.w_value


class LocalRef(Node):
    kind = "localref"
    _immutable_fields_ = ["depth", "index", "name"]

    def __init__(self, depth, index, name):
        self.depth = depth
        self.index = index
        self.name = name

    def eval_simple(self, env):
        w = env.frame_at(self.depth).values[self.index]
        if w is None:
            raise SchemeError("unbound variable: " + self.name)
        return w


class GlobalCell(object):
    def __init__(self, name):
        self.name = name
        self.value = None


class GlobalRef(Node):
    kind = "globalref"
    _immutable_fields_ = ["cell"]

    def __init__(self, cell):
        self.cell = cell

    def eval_simple(self, env):
        w = self.cell.value
        if w is None:
            raise SchemeError("unbound variable: " + self.cell.name)
        return w


class SetLocal(Node):
    kind = "setlocal"
    _immutable_fields_ = ["depth", "index", "expr"]

    def __init__(self, depth, index, expr):
        self.depth = depth
        self.index = index
        self.expr = expr

    def eval_simple(self, env):
        return set_local(self, env)


class SetGlobal(Node):
    kind = "setglobal"
    _immutable_fields_ = ["cell", "expr"]

    def __init__(self, cell, expr):
        self.cell = cell
        self.expr = expr

    def eval_simple(self, env):
        return set_global(self, env)


class Lambda(Node):
    kind = "lambda"
    _immutable_fields_ = ["name", "nparams", "nlocals", "body"]

    def __init__(self, name, nparams, nlocals, body):
        self.name = name
        self.nparams = nparams
        self.nlocals = nlocals
        self.body = body

    def eval_simple(self, env):
        return W_Closure(self, env)


class If(Node):
    kind = "if"
    _immutable_fields_ = ["cond", "then", "orelse"]

    def __init__(self, cond, then, orelse):
        self.cond = cond
        self.then = then
        self.orelse = orelse


class Begin(Node):
    kind = "begin"
    _immutable_fields_ = ["exprs[*]", "last"]

    def __init__(self, exprs, last):
        self.exprs = exprs
        self.last = last


class Let(Node):
    kind = "let"
    _immutable_fields_ = ["inits[*]", "nlocals", "body"]

    def __init__(self, inits, nlocals, body):
        self.inits = inits
        self.nlocals = nlocals
        self.body = body


class And(Node):
    """`and` (is_and) or `or`: all but the last operand are tested, the last is a tail."""

    kind = "and"

    _immutable_fields_ = ["is_and", "tests[*]", "last"]

    def __init__(self, is_and, tests, last):
        self.is_and = is_and
        self.tests = tests
        self.last = last


class Call(Node):
    kind = "call"
    _immutable_fields_ = ["fn", "args[*]"]

    def __init__(self, fn, args):
        self.fn = fn
        self.args = args


class Env(object):
    _immutable_fields_ = ["parent"]

    def __init__(self, values, parent):
        self.values = values
        self.parent = parent

    def frame_at(self, depth):
        env = self
        while depth > 0:
            env = env.parent
            depth -= 1
        return env


# ____________________________________________________________
# The compiler: s-expressions to nodes


class Scope(object):
    """The names of one environment frame being compiled (parameters, then the
    `define`s of the body), and the enclosing frame's scope (None: globals)."""

    def __init__(self, names, parent):
        self.names = names
        self.parent = parent


class Compiler(object):
    def __init__(self):
        self.globals = {}

    def cell(self, name):
        if name not in self.globals:
            self.globals[name] = GlobalCell(name)
        return self.globals[name]

    def lookup(self, name, scope):
        depth = 0
        while scope is not None:
            if name in scope.names:
                return LocalRef(depth, scope.names.index(name), name)
            scope = scope.parent
            depth += 1
        return GlobalRef(self.cell(name))

    def compile(self, w, scope):
        if isinstance(w, W_Symbol):
            return self.lookup(w.name, scope)
        if not isinstance(w, W_Pair):
            return Const(w)
        head = w.car
        items = list_to_array(w.cdr)
        if isinstance(head, W_Symbol):
            name = head.name
            if name == "quote":
                expect(len(items) == 1, "quote takes one datum")
                return Const(items[0])
            if name == "if":
                expect(len(items) == 2 or len(items) == 3, "if takes 2 or 3 operands")
                orelse = Const(UNSPECIFIED)
                if len(items) == 3:
                    orelse = self.compile(items[2], scope)
                return If(self.compile(items[0], scope), self.compile(items[1], scope), orelse)
            if name == "define":
                return self.compile_define(items, scope)
            if name == "set!":
                expect(len(items) == 2 and isinstance(items[0], W_Symbol), "bad set!")
                value = self.compile(items[1], scope)
                ref = self.lookup(symbol_name(items[0]), scope)
                if isinstance(ref, LocalRef):
                    return SetLocal(ref.depth, ref.index, value)
                assert isinstance(ref, GlobalRef)
                return SetGlobal(ref.cell, value)
            if name == "lambda":
                expect(len(items) >= 2, "lambda needs parameters and a body")
                return self.compile_lambda("lambda", items[0], items[1:], scope)
            if name == "begin":
                expect(len(items) >= 1, "empty begin")
                return self.compile_sequence(items, scope)
            if name == "let":
                return self.compile_let(items, scope)
            if name == "cond":
                return self.compile_cond(items, 0, scope)
            if name == "and" or name == "or":
                if len(items) == 0:
                    return Const(wrap_bool(name == "and"))
                tests = [self.compile(x, scope) for x in items[:-1]]
                return And(name == "and", tests, self.compile(items[-1], scope))
        args = [self.compile(x, scope) for x in items]
        return Call(self.compile(head, scope), args)

    def compile_define(self, items, scope):
        expect(len(items) >= 2, "bad define")
        target = items[0]
        if isinstance(target, W_Pair):
            name = symbol_name(target.car)
            value = self.compile_lambda(name, target.cdr, items[1:], scope)
        else:
            expect(len(items) == 2, "bad define")
            name = symbol_name(target)
            value = self.compile(items[1], scope)
        if scope is None:
            return SetGlobal(self.cell(name), value)
        return SetLocal(0, scope.names.index(name), value)

    def compile_lambda(self, name, w_params, body, scope):
        names = []
        for w in list_to_array(w_params):
            names.append(symbol_name(w))
        nparams = len(names)
        inner = Scope(names, scope)
        node = self.compile_body(body, inner)
        return Lambda(name, nparams, len(inner.names), node)

    def compile_let(self, items, scope):
        expect(len(items) >= 2, "let needs bindings and a body")
        names = []
        inits = []
        for w_binding in list_to_array(items[0]):
            binding = list_to_array(w_binding)
            expect(len(binding) == 2, "bad let binding")
            names.append(symbol_name(binding[0]))
            inits.append(self.compile(binding[1], scope))
        inner = Scope(names, scope)
        node = self.compile_body(items[1:], inner)
        return Let(inits, len(inner.names), node)

    def compile_cond(self, clauses, i, scope):
        if i == len(clauses):
            return Const(UNSPECIFIED)
        clause = list_to_array(clauses[i])
        expect(len(clause) >= 2, "bad cond clause")
        body = self.compile_sequence(clause[1:], scope)
        test = clause[0]
        if isinstance(test, W_Symbol) and test.name == "else":
            return body
        return If(self.compile(test, scope), body, self.compile_cond(clauses, i + 1, scope))

    def compile_body(self, forms, scope):
        """A lambda or let body: its `define`s become slots of the new frame."""
        for form in forms:
            if isinstance(form, W_Pair) and form.car is symbol("define"):
                target = form.cdr
                if isinstance(target, W_Pair):
                    w_name = target.car
                    if isinstance(w_name, W_Pair):
                        w_name = w_name.car
                    name = symbol_name(w_name)
                    if name not in scope.names:
                        scope.names.append(name)
        return self.compile_sequence(forms, scope)

    def compile_sequence(self, forms, scope):
        nodes = [self.compile(x, scope) for x in forms]
        if len(nodes) == 1:
            return nodes[0]
        return Begin(nodes[:-1], nodes[-1])


def expect(condition, message):
    if not condition:
        raise SchemeError(message)


def symbol_name(w):
    if not isinstance(w, W_Symbol):
        raise SchemeError("expected a symbol, got " + w.to_str())
    return w.name


# ____________________________________________________________
# The evaluator


def get_location(node):
    return node.kind


jitdriver = JitDriver(greens=["node"], reds=["env"], get_printable_location=get_location)


def evaluate(node, env):
    while True:
        jitdriver.jit_merge_point(node=node, env=env)
        if isinstance(node, If):
            if evaluate(node.cond, env).is_true():
                node = node.then
            else:
                node = node.orelse
        elif isinstance(node, Begin):
            for n in node.exprs:
                evaluate(n, env)
            node = node.last
        elif isinstance(node, Let):
            values = [None] * node.nlocals
            for i in range(len(node.inits)):
                values[i] = evaluate(node.inits[i], env)
            env = Env(values, env)
            node = node.body
        elif isinstance(node, And):
            for test in node.tests:
                w = evaluate(test, env)
                if w.is_true() != node.is_and:
                    return w
            node = node.last
        elif isinstance(node, Call):
            w_fn = evaluate(node.fn, env)
            args = [evaluate(a, env) for a in node.args]
            if isinstance(w_fn, W_Closure):
                func = promote(w_fn.func)
                if len(args) != func.nparams:
                    raise SchemeError(
                        "%s: expected %d arguments, got %d" % (func.name, func.nparams, len(args))
                    )
                values = [None] * func.nlocals
                for i in range(len(args)):
                    values[i] = args[i]
                env = Env(values, w_fn.env)
                node = func.body
                jitdriver.can_enter_jit(node=node, env=env)
            elif isinstance(w_fn, W_Primitive):
                return apply_primitive(w_fn, args)
            else:
                raise SchemeError("not a procedure: " + w_fn.to_str())
        else:
            return node.eval_simple(env)


def set_local(node, env):
    env.frame_at(node.depth).values[node.index] = evaluate(node.expr, env)
    return UNSPECIFIED


def set_global(node, env):
    node.cell.value = evaluate(node.expr, env)
    return UNSPECIFIED


# ____________________________________________________________
# Primitives

PRIMITIVES = [
    ("+", -1),
    ("-", -1),
    ("*", -1),
    ("quotient", 2),
    ("remainder", 2),
    ("=", 2),
    ("<", 2),
    (">", 2),
    ("<=", 2),
    (">=", 2),
    ("cons", 2),
    ("car", 1),
    ("cdr", 1),
    ("list", -1),
    ("null?", 1),
    ("pair?", 1),
    ("not", 1),
    ("eq?", 2),
    ("display", 1),
    ("newline", 0),
    ("arg", 1),
]


class Config(object):
    def __init__(self):
        self.argument = -1  # the command line's number, or -1


CONFIG = Config()


def int_arg(w):
    if not isinstance(w, W_Int):
        raise SchemeError("expected an integer, got " + w.to_str())
    return w.intval


def pair_arg(w):
    if not isinstance(w, W_Pair):
        raise SchemeError("expected a pair, got " + w.to_str())
    return w


def apply_primitive(prim, args):
    if prim.arity >= 0 and len(args) != prim.arity:
        raise SchemeError(
            "%s: expected %d arguments, got %d" % (prim.name, prim.arity, len(args))
        )
    code = prim.code
    if code <= 2:  # + - *
        if code == 1 and len(args) == 1:
            return W_Int(-int_arg(args[0]))
        if code == 1 and len(args) == 0:
            raise SchemeError("-: expected at least 1 argument")
        acc = 0
        if code == 2:
            acc = 1
        for i in range(len(args)):
            x = int_arg(args[i])
            if code == 0 or (code == 1 and i == 0):
                acc += x
            elif code == 1:
                acc -= x
            else:
                acc *= x
        return W_Int(acc)
    if code <= 4:  # quotient remainder: truncating, as in Scheme
        a = int_arg(args[0])
        b = int_arg(args[1])
        if b == 0:
            raise SchemeError("division by zero")
        q = abs(a) // abs(b)
        if (a < 0) != (b < 0):
            q = -q
        if code == 3:
            return W_Int(q)
        return W_Int(a - q * b)
    if code <= 9:  # = < > <= >=
        a = int_arg(args[0])
        b = int_arg(args[1])
        if code == 5:
            return wrap_bool(a == b)
        if code == 6:
            return wrap_bool(a < b)
        if code == 7:
            return wrap_bool(a > b)
        if code == 8:
            return wrap_bool(a <= b)
        return wrap_bool(a >= b)
    if code == 10:
        return W_Pair(args[0], args[1])
    if code == 11:
        return pair_arg(args[0]).car
    if code == 12:
        return pair_arg(args[0]).cdr
    if code == 13:
        return array_to_list(args)
    if code == 14:
        return wrap_bool(args[0] is NIL)
    if code == 15:
        return wrap_bool(isinstance(args[0], W_Pair))
    if code == 16:
        return wrap_bool(not args[0].is_true())
    if code == 17:
        w_a = args[0]
        w_b = args[1]
        if isinstance(w_a, W_Int) and isinstance(w_b, W_Int):
            return wrap_bool(w_a.intval == w_b.intval)
        return wrap_bool(w_a is w_b)
    if code == 18:
        print(args[0].to_str(), end="")
        return UNSPECIFIED
    if code == 19:
        print()
        return UNSPECIFIED
    if CONFIG.argument >= 0:
        return W_Int(CONFIG.argument)
    return args[0]


# ____________________________________________________________
# Entry point


def read_file(path):
    f = open(path)
    try:
        text = f.read()
    finally:
        f.close()
    return text


def run(source):
    compiler = Compiler()
    for i in range(len(PRIMITIVES)):
        name, arity = PRIMITIVES[i]
        compiler.cell(name).value = W_Primitive(name, i, arity)
    reader = Reader(tokenize(source))
    toplevel = Env([], None)
    while not reader.at_end():
        node = compiler.compile(reader.read(), None)
        evaluate(node, toplevel)


def main(argv):
    if len(argv) < 2:
        print("usage: scheme PROGRAM.scm [N]")
        return 2
    # Non-tail recursion in Scheme is recursion of `evaluate` (the binary's limit is
    # its stack).
    sys.setrecursionlimit(100000)
    if len(argv) > 2:
        CONFIG.argument = int(argv[2])
    try:
        source = read_file(argv[1])
    except OSError:
        print("scheme: cannot read " + argv[1])
        return 1
    try:
        run(source)
    except SchemeError as e:
        print()
        print("scheme: error: " + e.message)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
