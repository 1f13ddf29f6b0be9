"""The JIT part of a fuzz program: a small bytecode interpreter with a JitDriver and a
few random bytecode programs for it (see gen.py).

The interpreter is fixed in shape but randomized in its details (virtualizable frame or
not, promote in push/pop, extra reds, how exceptions are handled); the bytecode is
random but well-formed: every straight-line snippet leaves the stack as it found it,
loops count down a reserved register (so they end), and forward jumps skip snippets.
Values are boxed ints, floats and pairs, so guards on classes fail when a register
changes type, pairs are virtual unless they escape into `frame.log`, and errors raised
by operations (and by helpers two calls deep) are caught inside the loop.
"""

OPS = ["PUSHI", "PUSHF", "LOAD", "STORE", "ADD", "SUB", "MUL", "DIV", "LT", "DUP", "SWAP", "POP",
       "JIF", "LOOP", "MIX", "PAIR", "FST", "ESCAPE", "CHECK", "CALLH", "PRINT", "NOP", "BAIL", "CALLSUB"]
NREGS = 4  # data registers; loop counters use NREGS + nesting level

INTERP = '''
class VMError(Exception):
    def __init__(self, code):
        self.code = code


class W_Obj(object):
    def add(self, other):
        raise VMError(1)

    def mul(self, other):
        raise VMError(2)

    def toint(self):
        raise VMError(3)

    def tofloat(self):
        return 0.0

    def repr(self):
        return "?"


class W_Int(W_Obj):
    _immutable_fields_ = ["v"]

    def __init__(self, v):
        self.v = v

    def add(self, other):
        if isinstance(other, W_Int):
            return W_Int(intmask(self.v + other.v) & 0xFFFFFFFF)
        if isinstance(other, W_Float):
            return W_Float(float(self.v & 0xFFFF) + other.f)
        return W_Obj.add(self, other)

    def mul(self, other):
        if isinstance(other, W_Int):
            return W_Int((self.v * (other.v & 0xFFFF)) & 0xFFFFFFFF)
        return W_Float(float(self.v & 0xFF) * other.tofloat())

    def toint(self):
        return self.v

    def tofloat(self):
        return float(self.v)

    def repr(self):
        return str(self.v)


class W_Float(W_Obj):
    _immutable_fields_ = ["f"]

    def __init__(self, f):
        self.f = f

    def add(self, other):
        return W_Float((self.f + other.tofloat()) %% 4096.0)

    def mul(self, other):
        return W_Float((self.f * other.tofloat()) %% 4096.0)

    def toint(self):
        return int(self.f)

    def tofloat(self):
        return self.f

    def repr(self):
        return str(self.f)


class W_Pair(W_Obj):
    def __init__(self, a, b):
        self.a = a
        self.b = b

    def add(self, other):
        return W_Pair(self.a.add(other), self.b)

    def toint(self):
        return intmask(self.a.toint() * 3 + self.b.toint()) & 0xFFFFFFFF

    def repr(self):
        return "<" + self.a.repr() + "," + self.b.repr() + ">"


W_ZERO = W_Int(0)


class Frame(object):
%(vable)s
    def __init__(self, depth):
        self.stack = [W_ZERO] * depth
        self.sp = 0
        self.regs = [W_ZERO] * %(nregs)d
        self.log = []

    def push(self, w):
        sp = %(promote_l)sself.sp%(promote_r)s
        self.stack[sp] = w
        self.sp = sp + 1

    def pop(self):
        sp = %(promote_l)sself.sp%(promote_r)s - 1
        w = self.stack[sp]
        self.stack[sp] = W_ZERO
        self.sp = sp
        return w


def helper_inner(w, k):
    if (w.toint() & 7) == k:
        raise VMError(40 + k)
    return W_Int((w.toint() + k) & 0xFFFF)


def helper(w, k):
    if isinstance(w, W_Pair):
        return helper_inner(w.a, k)
    return helper_inner(w, k)


driver = JitDriver(greens=["pc", "code"], reds=[%(reds)s]%(vable_arg)s, is_recursive=True)


def interp(code, n):
    frame = Frame(16)
    pc = 0
    acc = %(acc0)s
%(extra_init)s    while pc < len(code):
        driver.jit_merge_point(%(merge_args)s)
        op = code[pc]
        arg = code[pc + 1]
        pc += 2
        if op == %(PUSHI)d:
            frame.push(W_Int(arg))
        elif op == %(PUSHF)d:
            frame.push(W_Float(arg * 0.25))
        elif op == %(LOAD)d:
            frame.push(frame.regs[arg])
        elif op == %(STORE)d:
            frame.regs[arg] = frame.pop()
        elif op == %(ADD)d or op == %(SUB)d or op == %(MUL)d:
            b = frame.pop()
            a = frame.pop()
            try:
                if op == %(ADD)d:
                    frame.push(a.add(b))
                elif op == %(SUB)d:
                    frame.push(a.add(b.mul(W_Int(-1 & 0xFFFFFFFF))))
                else:
                    frame.push(a.mul(b))
            except VMError as e:
                acc = intmask(acc * 7 + e.code)
                frame.push(W_ZERO)
        elif op == %(DIV)d:
            b = frame.pop().toint()
            a = frame.pop().toint()
            try:
                frame.push(W_Int(div(a, b)))
            except ZeroDivisionError:
                acc = intmask(acc + 5)
                frame.push(W_Int(n))
        elif op == %(LT)d:
            b = frame.pop()
            a = frame.pop()
            if a.tofloat() < b.tofloat():
                frame.push(W_Int(1))
            else:
                frame.push(W_ZERO)
        elif op == %(DUP)d:
            w = frame.pop()
            frame.push(w)
            frame.push(w)
        elif op == %(SWAP)d:
            w1 = frame.pop()
            w2 = frame.pop()
            frame.push(w1)
            frame.push(w2)
        elif op == %(POP)d:
            frame.pop()
        elif op == %(JIF)d:
            if frame.pop().toint() == 0:
                pc = arg
        elif op == %(LOOP)d:
            reg = arg & 15
            target = arg >> 4
            cnt = frame.regs[reg].toint() - 1
            frame.regs[reg] = W_Int(cnt)
            if cnt > 0:
                pc = target
%(extra_step)s                driver.can_enter_jit(%(merge_args)s)
        elif op == %(MIX)d:
            acc = intmask(acc * 31 + frame.pop().toint())
        elif op == %(PAIR)d:
            b = frame.pop()
            a = frame.pop()
            frame.push(W_Pair(a, b))
        elif op == %(FST)d:
            w = frame.pop()
            if isinstance(w, W_Pair):
                frame.push(w.a)
            else:
                frame.push(w)
        elif op == %(ESCAPE)d:
            w = frame.pop()
            frame.push(w)
            if len(frame.log) < 50:
                frame.log.append(w)
        elif op == %(CHECK)d:
            w = frame.pop()
            try:
                if (w.toint() %% 5) == arg:
                    raise VMError(w.toint() & 0xFF)
                acc = intmask(acc + 1)
            except VMError as e:
                acc = intmask(acc * 3 + e.code)
        elif op == %(CALLH)d:
            w = frame.pop()
            try:
                frame.push(helper(w, arg))
            except VMError as e:
                acc = intmask(acc + e.code)
                frame.push(W_Int(e.code))
        elif op == %(PRINT)d:
            print("vm", frame.pop().repr())
        elif op == %(NOP)d:
            pass
        elif op == %(CALLSUB)d:
            w = frame.pop()
            sub = interp(SUBS[arg], -1 - (w.toint() & 7))
            frame.push(W_Int(sub & 0xFFFF))
        elif op == %(BAIL)d:
            if (frame.pop().toint() %% 11) == arg:
                raise VMError(70 + arg)
        else:
            raise VMError(99)
    out = []
    for w in frame.regs:
        out.append(w.repr())
    for w in frame.log:
        out.append(w.repr())
    if n >= 0:
        print("regs", " ".join(out[:12]))
    return acc%(extra_ret)s


def div(a, b):
    return a // b

'''


class BC(object):
    def __init__(self, r, nsubs=0):
        self.r = r
        self.code = []
        self.nsubs = nsubs

    def emit(self, op, arg=0):
        self.code.append(OPS.index(op))
        self.code.append(arg)

    def value(self, depth):
        """Pushes exactly one value."""
        r = self.r
        k = r.randint(0, 9)
        if depth <= 0 or k <= 1:
            self.emit("PUSHI", r.choice([0, 1, 2, 3, 7, 100, r.randint(-9, 9)]))
        elif k == 2:
            self.emit("PUSHF", r.randint(-8, 40))
        elif k <= 4:
            self.emit("LOAD", r.randint(0, NREGS - 1))
        elif k == 5:
            self.value(depth - 1)
            self.value(depth - 1)
            self.emit(r.choice(["ADD", "SUB", "MUL", "DIV", "LT", "ADD"]))
        elif k == 6:
            self.value(depth - 1)
            self.value(depth - 1)
            self.emit("PAIR")
            if r.random() < 0.5:
                self.emit("ESCAPE")
            if r.random() < 0.6:
                self.emit("FST")
        elif k == 7:
            self.value(depth - 1)
            self.emit("CALLH", r.randint(0, 7))
        elif k == 8:
            self.value(depth - 1)
            self.emit("DUP")
            self.emit("POP")
        else:
            self.value(depth - 1)
            self.value(depth - 1)
            self.emit("SWAP")
            self.emit("POP")

    def stmt(self, level, in_loop):
        r = self.r
        k = r.randint(0, 11)
        if self.nsubs and r.random() < 0.08:
            self.value(1)
            self.emit("CALLSUB", r.randrange(self.nsubs))
            self.emit("MIX")
            return
        if k <= 3:
            self.value(2)
            self.emit("STORE", r.randint(0, NREGS - 1))
        elif k <= 5:
            self.value(2)
            self.emit("MIX")
        elif k == 6:
            self.value(1)
            if r.random() < 0.2:
                self.emit("BAIL", r.randint(0, 10))
            else:
                self.emit("CHECK", r.randint(0, 4))
        elif k == 7 and not in_loop:
            self.value(1)
            self.emit("PRINT")
        elif k <= 9 and level < 3:
            self.loop(level)
        else:
            # if (value) { body }
            self.value(1)
            at = len(self.code)
            self.emit("JIF", 0)
            for _ in range(r.randint(1, 3)):
                self.stmt(level, in_loop)
            self.code[at + 1] = len(self.code)

    def loop(self, level):
        r = self.r
        reg = NREGS + level
        self.emit("PUSHI", r.choice([[2, 5, 10, 20, 40], [2, 3, 5, 8], [2, 3]][level]))
        self.emit("STORE", reg)
        start = len(self.code)
        for _ in range(r.randint(1, 4)):
            self.stmt(level + 1, True)
        self.emit("LOOP", start * 16 + reg)


def gen_bytecode(r, nsubs=0, small=False):
    bc = BC(r, nsubs)
    if small:
        for _ in range(r.randint(1, 3)):
            bc.stmt(2, True)
        return bc.code
    for _ in range(r.randint(2, 6)):
        bc.stmt(0, False)
    if r.random() < 0.8:
        bc.loop(0)
    return bc.code


def gen_jit_part(r):
    vable = r.random() < 0.5
    promote = vable or r.random() < 0.3
    extra = r.random() < 0.5
    d = dict((op, i) for i, op in enumerate(OPS))
    reds = ["frame", "acc", "n"]
    if extra:
        reds.append("steps")
    d["reds"] = ", ".join('"%s"' % x for x in reds)
    d["merge_args"] = "pc=pc, code=code, " + ", ".join("%s=%s" % (x, x) for x in reds)
    d["vable"] = '    _virtualizable_ = ["stack[*]", "sp"]\n' if vable else ""
    d["vable_arg"] = ', virtualizables=["frame"]' if vable else ""
    d["promote_l"] = "promote(" if promote else ""
    d["promote_r"] = ")" if promote else ""
    d["nregs"] = NREGS + 4
    d["acc0"] = r.choice(["0", "n", "7"])
    d["extra_init"] = "    steps = 0\n" if extra else ""
    d["extra_step"] = "                steps += 1\n" if extra else ""
    d["extra_ret"] = " + steps" if extra else ""
    src = "from rpy.jit import JitDriver, promote\n" + INTERP % d
    main = []
    nsubs = r.randint(0, 2)
    subs = []
    for i in range(nsubs):
        src += "SUB%d = %r\n" % (i, gen_bytecode(r, small=True))
        subs.append("SUB%d" % i)
    src += "SUBS = [%s]\n" % ", ".join(subs + ["[]"])
    for i in range(r.randint(1, 3)):
        code = gen_bytecode(r, nsubs)
        src += "CODE%d = %r\n" % (i, code)
        for n in sorted(set([r.randint(0, 9), r.randint(0, 9)])):
            main.append("try:")
            main.append("    mix(interp(CODE%d, %d))" % (i, n))
            main.append("except VMError as e:")
            main.append("    print('vm error', e.code)")
            main.append("print('jit', %d, CK)" % i)
    src += "\n\n"
    return src, main
