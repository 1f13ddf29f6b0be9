"""A stack bytecode VM with boxed integers, in the RPython style.

    python3 examples/stackvm.py examples/stackvm/sum.asm [N]     # PYTHONPATH=lib
    rpy translate examples/stackvm.py -o stackvm && ./stackvm examples/stackvm/sum.asm 10000000

A program is assembler text: functions (`func NAME PARAM...`), labels (`loop:`) and
one instruction per line (`push 3`, `load x`, `add`, `jump_if_false done`, `call f`,
`ret`, `print`...; `#` starts a comment). The assembler turns each function into a
`Code` object (two ints per instruction: opcode and argument). `arg N` pushes the
integer given after the program file on the command line, or N without one, so a test
can run a small instance of a benchmark. Execution starts at `main`.

Values are boxed (`W_Int`, `W_Array`); each call gets a `Frame` holding its value
stack and locals. The JIT driver's greens are the position in the code, and backward
jumps are where loops may close (`can_enter_jit`).
"""

import sys

from rpy.jit import JitDriver, promote, elidable

# ____________________________________________________________
# Values


class VMError(Exception):
    def __init__(self, message):
        self.message = message


class W_Object(object):
    def str(self):
        raise VMError("cannot print this value")

    def int_value(self):
        raise VMError("expected an int")

    def is_true(self):
        raise VMError("expected an int as a condition")


class W_Int(W_Object):
    _immutable_fields_ = ["intval"]

    def __init__(self, intval):
        self.intval = intval

    def str(self):
        return str(self.intval)

    def int_value(self):
        return self.intval

    def is_true(self):
        return self.intval != 0


class W_Array(W_Object):
    def __init__(self, items):
        self.items = items

    def str(self):
        parts = []
        for w in self.items:
            parts.append(w.str())
        return "[" + ", ".join(parts) + "]"

    def get(self, index):
        if index < 0 or index >= len(self.items):
            raise VMError("array index out of range")
        return self.items[index]

    def set(self, index, w_value):
        if index < 0 or index >= len(self.items):
            raise VMError("array index out of range")
        self.items[index] = w_value


W_ZERO = W_Int(0)
W_ONE = W_Int(1)


def wrap_bool(b):
    if b:
        return W_ONE
    return W_ZERO


# ____________________________________________________________
# Bytecode

# (name, number of operands, stack effect)
INSTRUCTIONS = [
    ("push", 1, 1),
    ("pop", 0, -1),
    ("dup", 0, 1),
    ("swap", 0, 0),
    ("load", 1, 1),
    ("store", 1, -1),
    ("add", 0, -1),
    ("sub", 0, -1),
    ("mul", 0, -1),
    ("div", 0, -1),
    ("mod", 0, -1),
    ("lt", 0, -1),
    ("le", 0, -1),
    ("eq", 0, -1),
    ("not", 0, 0),
    ("jump", 1, 0),
    ("jump_if_false", 1, -1),
    ("jump_if_true", 1, -1),
    ("call", 1, 1),  # pops the callee's arguments too (see the assembler)
    ("ret", 0, -1),
    ("print", 0, -1),
    ("arg", 1, 1),
    ("newarray", 0, 0),  # size -> array of zeros
    ("aget", 0, -1),  # array index -> value
    ("aset", 0, -3),  # array index value ->
    ("alen", 0, 0),
]

OPCODES = {}
for _i in range(len(INSTRUCTIONS)):
    OPCODES[INSTRUCTIONS[_i][0]] = _i
PUSH = OPCODES["push"]
POP = OPCODES["pop"]
DUP = OPCODES["dup"]
SWAP = OPCODES["swap"]
LOAD = OPCODES["load"]
STORE = OPCODES["store"]
ADD = OPCODES["add"]
SUB = OPCODES["sub"]
MUL = OPCODES["mul"]
DIV = OPCODES["div"]
MOD = OPCODES["mod"]
LT = OPCODES["lt"]
LE = OPCODES["le"]
EQ = OPCODES["eq"]
NOT = OPCODES["not"]
JUMP = OPCODES["jump"]
JUMP_IF_FALSE = OPCODES["jump_if_false"]
JUMP_IF_TRUE = OPCODES["jump_if_true"]
CALL = OPCODES["call"]
RET = OPCODES["ret"]
PRINT = OPCODES["print"]
ARG = OPCODES["arg"]
NEWARRAY = OPCODES["newarray"]
AGET = OPCODES["aget"]
ASET = OPCODES["aset"]
ALEN = OPCODES["alen"]


class Code(object):
    """One assembled function. `callees` is filled once every function is known."""

    _immutable_fields_ = [
        "name",
        "ops[*]",
        "args[*]",
        "consts[*]",
        "nparams",
        "nlocals",
        "stack_depth",
        "callees_index",
        "callees",
    ]

    def __init__(self, name, ops, args, consts, nparams, nlocals, stack_depth, callees_index):
        self.name = name
        self.ops = ops
        self.args = args
        self.consts = consts
        self.nparams = nparams
        self.nlocals = nlocals
        self.stack_depth = stack_depth
        self.callees_index = callees_index  # the functions `call` names, by index
        self.callees = []

    def disassemble(self, pc):
        return "%s:%d %s %d" % (self.name, pc, INSTRUCTIONS[self.ops[pc]][0], self.args[pc])


class Frame(object):
    # The JIT keeps these in registers while it runs a loop (see JitDriver below).
    _virtualizable_ = ["stack[*]", "sp", "locals[*]"]

    def __init__(self, code):
        self.stack = [W_ZERO] * code.stack_depth
        self.sp = 0
        self.locals = [W_ZERO] * code.nlocals

    # The stack depth at a given pc is always the same: promoting it makes every stack
    # slot a constant index in traces (as PyPy's frames do with their depth).
    def push(self, w_value):
        sp = promote(self.sp)
        self.stack[sp] = w_value
        self.sp = sp + 1

    def pop(self):
        sp = promote(self.sp) - 1
        w_value = self.stack[sp]
        # A popped slot does not keep its value alive (nor visible to the JIT).
        self.stack[sp] = W_ZERO
        self.sp = sp
        return w_value


# ____________________________________________________________
# The assembler


class AsmError(Exception):
    def __init__(self, line, message):
        self.line = line
        self.message = message


class FunctionAsm(object):
    """A function being assembled: instructions with symbolic operands."""

    def __init__(self, name, params, line):
        self.name = name
        self.params = params
        self.line = line
        self.instrs = []  # (opcode, operand text, line number)
        self.labels = {}


def parse_int(text, line):
    digits = text
    if text.startswith("-"):
        digits = text[1:]
    if len(digits) == 0 or not digits.isdigit():
        raise AsmError(line, "expected an integer, got '%s'" % text)
    return int(text)


def tokenize(source):
    """Yields (line number, words) for each non-empty line."""
    result = []
    lineno = 0
    for raw in source.split("\n"):
        lineno += 1
        text = raw
        hash_at = text.find("#")
        if hash_at >= 0:
            text = text[:hash_at]
        words = text.split()
        if len(words) > 0:
            result.append((lineno, words))
    return result


def assemble(source):
    """Returns the list of Code objects, `main` first."""
    functions = []
    current = None
    for lineno, words in tokenize(source):
        head = words[0]
        if head == "func":
            if len(words) < 2:
                raise AsmError(lineno, "func needs a name")
            current = FunctionAsm(words[1], words[2:], lineno)
            functions.append(current)
        elif current is None:
            raise AsmError(lineno, "instruction outside a function")
        elif head.endswith(":") and len(words) == 1:
            label = head[:-1]
            if label in current.labels:
                raise AsmError(lineno, "label '%s' defined twice" % label)
            current.labels[label] = len(current.instrs)
        elif head in OPCODES:
            op = OPCODES[head]
            noperands = INSTRUCTIONS[op][1]
            if len(words) != 1 + noperands:
                raise AsmError(lineno, "%s takes %d operand(s)" % (head, noperands))
            operand = ""
            if noperands == 1:
                operand = words[1]
            current.instrs.append((op, operand, lineno))
        else:
            raise AsmError(lineno, "unknown instruction '%s'" % head)
    index = {}
    for i in range(len(functions)):
        if functions[i].name in index:
            raise AsmError(functions[i].line, "function '%s' defined twice" % functions[i].name)
        index[functions[i].name] = i
    if "main" not in index:
        raise AsmError(0, "no function 'main'")
    codes = []
    for f in functions:
        codes.append(assemble_function(f, index, functions))
    for code in codes:
        for name_index in code.callees_index:
            code.callees.append(codes[name_index])
    main_code = codes[index["main"]]
    return main_code


def assemble_function(f, index, functions):
    names = []
    for p in f.params:
        names.append(p)
    ops = []
    args = []
    consts = []
    callees_index = []
    depth = 0
    max_depth = 0
    for op, operand, lineno in f.instrs:
        arg = 0
        effect = INSTRUCTIONS[op][2]
        if op == PUSH:
            arg = len(consts)
            consts.append(W_Int(parse_int(operand, lineno)))
        elif op == ARG:
            arg = parse_int(operand, lineno)
        elif op == LOAD or op == STORE:
            if operand not in names:
                names.append(operand)
            arg = names.index(operand)
        elif op == JUMP or op == JUMP_IF_FALSE or op == JUMP_IF_TRUE:
            if operand not in f.labels:
                raise AsmError(lineno, "unknown label '%s'" % operand)
            arg = f.labels[operand]
        elif op == CALL:
            if operand not in index:
                raise AsmError(lineno, "unknown function '%s'" % operand)
            arg = len(callees_index)
            callees_index.append(index[operand])
            effect = 1 - len(functions[index[operand]].params)
        ops.append(op)
        args.append(arg)
        depth += effect
        if depth > max_depth:
            max_depth = depth
    return Code(
        f.name, ops, args, consts, len(f.params), len(names), max_depth + 1, callees_index
    )


# ____________________________________________________________
# The interpreter


def get_location(pc, code):
    return code.disassemble(pc)


jitdriver = JitDriver(
    greens=["pc", "code"], reds=["frame", "self"], virtualizables=["frame"], get_printable_location=get_location, is_recursive=True
)


@elidable
def get_callee(code, index):
    return code.callees[index]


class Interpreter(object):
    def __init__(self, argument):
        self.argument = argument  # the command line's count, or -1

    def run(self, code, frame):
        pc = 0
        while True:
            jitdriver.jit_merge_point(pc=pc, code=code, frame=frame, self=self)
            op = code.ops[pc]
            arg = code.args[pc]
            pc += 1
            if op == PUSH:
                frame.push(code.consts[arg])
            elif op == POP:
                frame.pop()
            elif op == DUP:
                w = frame.pop()
                frame.push(w)
                frame.push(w)
            elif op == SWAP:
                w_b = frame.pop()
                w_a = frame.pop()
                frame.push(w_b)
                frame.push(w_a)
            elif op == LOAD:
                frame.push(frame.locals[arg])
            elif op == STORE:
                frame.locals[arg] = frame.pop()
            elif op == ADD or op == SUB or op == MUL or op == DIV or op == MOD:
                b = frame.pop().int_value()
                a = frame.pop().int_value()
                frame.push(W_Int(arithmetic(op, a, b)))
            elif op == LT:
                b = frame.pop().int_value()
                a = frame.pop().int_value()
                frame.push(wrap_bool(a < b))
            elif op == LE:
                b = frame.pop().int_value()
                a = frame.pop().int_value()
                frame.push(wrap_bool(a <= b))
            elif op == EQ:
                b = frame.pop().int_value()
                a = frame.pop().int_value()
                frame.push(wrap_bool(a == b))
            elif op == NOT:
                frame.push(wrap_bool(not frame.pop().is_true()))
            elif op == JUMP:
                if arg < pc:
                    pc = arg
                    jitdriver.can_enter_jit(pc=pc, code=code, frame=frame, self=self)
                else:
                    pc = arg
            elif op == JUMP_IF_FALSE or op == JUMP_IF_TRUE:
                cond = frame.pop().is_true()
                if cond == (op == JUMP_IF_TRUE):
                    if arg < pc:
                        pc = arg
                        jitdriver.can_enter_jit(pc=pc, code=code, frame=frame, self=self)
                    else:
                        pc = arg
            elif op == CALL:
                callee = promote(get_callee(code, arg))
                new_frame = Frame(callee)
                i = callee.nparams - 1
                while i >= 0:
                    new_frame.locals[i] = frame.pop()
                    i -= 1
                frame.push(self.run(callee, new_frame))
            elif op == RET:
                return frame.pop()
            elif op == PRINT:
                print(frame.pop().str())
            elif op == ARG:
                if self.argument >= 0:
                    frame.push(W_Int(self.argument))
                else:
                    frame.push(W_Int(arg))
            elif op == NEWARRAY:
                size = frame.pop().int_value()
                if size < 0:
                    raise VMError("negative array size")
                frame.push(W_Array([W_ZERO] * size))
            elif op == AGET:
                index = frame.pop().int_value()
                w_array = frame.pop()
                frame.push(as_array(w_array).get(index))
            elif op == ASET:
                w_value = frame.pop()
                index = frame.pop().int_value()
                as_array(frame.pop()).set(index, w_value)
            elif op == ALEN:
                frame.push(W_Int(len(as_array(frame.pop()).items)))
            else:
                raise VMError("bad opcode %d" % op)


def as_array(w_value):
    if not isinstance(w_value, W_Array):
        raise VMError("expected an array")
    return w_value


def arithmetic(op, a, b):
    if op == ADD:
        return a + b
    if op == SUB:
        return a - b
    if op == MUL:
        return a * b
    if b == 0:
        raise VMError("division by zero")
    if op == DIV:
        return a // b
    return a % b


def read_file(path):
    f = open(path)
    try:
        text = f.read()
    finally:
        f.close()
    return text


def main(argv):
    if len(argv) < 2:
        print("usage: stackvm PROGRAM.asm [N]")
        return 2
    argument = -1
    if len(argv) > 2:
        argument = int(argv[2])
    try:
        source = read_file(argv[1])
    except OSError:
        print("stackvm: cannot read " + argv[1])
        return 1
    try:
        main_code = assemble(source)
    except AsmError as e:
        print("stackvm: line %d: %s" % (e.line, e.message))
        return 1
    try:
        Interpreter(argument).run(main_code, Frame(main_code))
    except VMError as e:
        print("stackvm: error: " + e.message)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
