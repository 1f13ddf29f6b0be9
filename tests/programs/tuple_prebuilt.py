# Prebuilt tuples: module constants, lists of tuples (an instruction table), nested
# tuples, tuples in prebuilt instances and in globals assigned at run time.

import sys


class Op(object):
    def __init__(self, name):
        self.name = name

    def __str__(self):
        return "Op(" + self.name + ")"


def double(x):
    return 2 * x


def square(x):
    return x * x


ORIGIN = (0, 0)
LIMITS = (-1.5, 2.25, "range", True, None)
NESTED = ((1, 2), (3, (4, "deep")))
INSTRUCTIONS = [
    ("push", 1, 1),
    ("pop", 0, -1),
    ("add", 0, -1),
    ("jump", 1, 0),
]
OPS = (Op("plus"), Op("minus"))
FUNCS = [("double", double), ("square", square)]
EMPTY = ()
SINGLE = ("one",)
TABLE = {"a": (1, "x"), "b": (2, "y")}


class Config(object):
    def __init__(self):
        self.size = (640, 480)
        self.names = ("w", "h")


CONFIG = Config()
current = ("start", 0)


def advance(n):
    global current
    current = ("step", n)


def main(argv):
    print(ORIGIN, ORIGIN[0] + ORIGIN[1])
    lo, hi, label, flag, nothing = LIMITS
    print(lo, hi, label, flag, nothing is None)
    print(LIMITS)
    print(NESTED[1][1][1], NESTED[0][1], len(NESTED))
    print(NESTED)
    depth = 0
    for name, noperands, effect in INSTRUCTIONS:
        depth += effect
        print(name, noperands, effect, depth)
    names = [ins[0] for ins in INSTRUCTIONS]
    print(names, INSTRUCTIONS[2], INSTRUCTIONS[-1][0])
    print(OPS[0], OPS[1].name)
    for fname, f in FUNCS:
        print(fname, f(7))
    print(len(EMPTY), EMPTY, SINGLE, SINGLE[0])
    print(TABLE["b"][1], TABLE)
    print(CONFIG.size[0] * CONFIG.size[1], CONFIG.names)
    print(current)
    advance(3)
    print(current, current[1] + 1)
    print(ORIGIN == (0, 0), NESTED[0] == (1, 2), INSTRUCTIONS[0] == ("push", 1, 0))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
