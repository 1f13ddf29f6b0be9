"""Module-level metaprogramming, identity, closures and a sibling import."""

import math
import sibling
from sibling import scale


def singleton(cls):
    return cls()


@singleton
class Config(object):
    def __init__(self):
        self.verbose = False
        self.level = 3


OPS = ["add", "sub", "mul"]
for _i, _name in enumerate(OPS):
    globals()["OP_" + _name.upper()] = _i


def make_adder(n):
    def add(x):
        return x + n
    return add


add1 = make_adder(1)
add2 = make_adder(2)

SQUARES = [i * i for i in range(5)]
NAMES = list(map(str.upper, OPS))
TABLE = {name: make_adder(i) for i, name in enumerate(OPS)}

shared = [1, 2]
PAIR = (shared, shared)


class Base(object):
    kind = "base"

    def describe(self):
        return self.kind


class Derived(Base):
    kind = "derived"

    @staticmethod
    def make():
        return Derived()

    @classmethod
    def build(cls):
        return cls()


class MyError(Exception):
    pass


unused_global = "never read"
square_root = math.sqrt(16.0)


def helper(x):
    return add1(x) + add2(x) + OP_MUL + Config.level + len(SQUARES) + sibling.SCALE


def main(argv):
    d = Derived.make()
    t = PAIR[0]
    f = lambda y: y + 1
    print(helper(len(argv)), d.describe(), NAMES, TABLE, t, f(1), scale(2), math.floor(square_root))
    if len(argv) > 5:
        raise MyError()
    return 0


if __name__ == "__main__":
    raise SystemExit("must not run at import")
