"""A Brainfuck interpreter in the RPython style, after PyPy's example interpreter
("Tutorial: Writing an Interpreter with PyPy"), ported to Python 3 and rpy.

    python3 examples/bf.py examples/bf/hello.b        # under CPython (PYTHONPATH=lib)
    rpy translate examples/bf.py -o bf && ./bf examples/bf/hello.b

The program is parsed into a list of opcodes (runs of `+ - < >` folded into one op
with a count); the matching bracket of each `[`/`]` comes from an elidable lookup in
an immutable map, so that a tracing JIT sees it as a constant. `,` reads no input: it
stores 0 (end of file). Cells hold bytes (0..255, wrapping).
"""

import sys

from rpy.jit import JitDriver, elidable

# Opcodes. ADD and MOVE carry an argument (the folded run length), kept in a parallel
# list so an op is one int.
ADD = 0  # tape[position] += arg
MOVE = 1  # position += arg
OUTPUT = 2  # .
INPUT = 3  # ,
LOOP = 4  # [
END = 5  # ]

NAMES = ["add", "move", "output", "input", "loop", "end"]


class Program(object):
    """The parsed program: opcodes, their arguments, and the bracket map."""

    _immutable_fields_ = ["ops[*]", "args[*]", "bracket_map"]

    def __init__(self, ops, args, bracket_map):
        self.ops = ops
        self.args = args
        self.bracket_map = bracket_map


class BracketMap(object):
    """pc of a `[` or `]` -> pc of its partner; never changes after parsing."""

    _immutable_fields_ = ["targets[*]"]

    def __init__(self, targets):
        self.targets = targets


def get_location(pc, program, bracket_map):
    op = program.ops[pc]
    return "%d: %s %d" % (pc, NAMES[op], program.args[pc])


jitdriver = JitDriver(
    greens=["pc", "program", "bracket_map"],
    reds=["tape", "position"],
    get_printable_location=get_location,
)


@elidable
def get_matching_bracket(bracket_map, pc):
    return bracket_map.targets[pc]


class ParseError(Exception):
    def __init__(self, message):
        self.message = message


def parse(source):
    ops = []
    args = []
    open_brackets = []
    targets = []
    for c in source:
        if c == "+" or c == "-" or c == "<" or c == ">":
            op = MOVE
            delta = 1
            if c == "+" or c == "-":
                op = ADD
            if c == "-" or c == "<":
                delta = -1
            if len(ops) > 0 and ops[-1] == op:
                args[-1] += delta
                if args[-1] == 0:
                    ops.pop()
                    args.pop()
                    targets.pop()
                continue
            ops.append(op)
            args.append(delta)
            targets.append(-1)
        elif c == ".":
            ops.append(OUTPUT)
            args.append(0)
            targets.append(-1)
        elif c == ",":
            ops.append(INPUT)
            args.append(0)
            targets.append(-1)
        elif c == "[":
            open_brackets.append(len(ops))
            ops.append(LOOP)
            args.append(0)
            targets.append(-1)
        elif c == "]":
            if len(open_brackets) == 0:
                raise ParseError("unmatched ']'")
            start = open_brackets.pop()
            targets[start] = len(ops)
            targets.append(start)
            ops.append(END)
            args.append(0)
    if len(open_brackets) > 0:
        raise ParseError("unmatched '['")
    return Program(ops, args, BracketMap(targets))


def mainloop(program, bracket_map):
    pc = 0
    tape = [0] * 30000
    position = 0
    while pc < len(program.ops):
        jitdriver.jit_merge_point(
            pc=pc, program=program, bracket_map=bracket_map, tape=tape, position=position
        )
        op = program.ops[pc]
        if op == ADD:
            tape[position] = (tape[position] + program.args[pc]) & 255
        elif op == MOVE:
            position += program.args[pc]
            while position >= len(tape):
                tape.append(0)
        elif op == OUTPUT:
            sys.stdout.write(chr(tape[position]))
        elif op == INPUT:
            tape[position] = 0
        elif op == LOOP:
            if tape[position] == 0:
                pc = get_matching_bracket(bracket_map, pc)
        elif op == END:
            if tape[position] != 0:
                pc = get_matching_bracket(bracket_map, pc)
        pc += 1


def read_file(path):
    f = open(path)
    try:
        text = f.read()
    finally:
        f.close()
    return text


def main(argv):
    if len(argv) < 2:
        print("usage: bf PROGRAM.b")
        return 2
    try:
        source = read_file(argv[1])
    except OSError:
        print("bf: cannot read " + argv[1])
        return 1
    try:
        program = parse(source)
    except ParseError as e:
        print("bf: " + e.message)
        return 1
    mainloop(program, program.bracket_map)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
