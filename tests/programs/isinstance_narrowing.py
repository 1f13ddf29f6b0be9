# isinstance() narrows a variable's class where the test is true, as in RPython: a
# method or field that only a subclass has can be used there.

import sys


class Value(object):
    def describe(self):
        return "value"


class Int(Value):
    def __init__(self, n):
        self.n = n

    def describe(self):
        return "int %d" % self.n


class Pair(Value):
    def __init__(self, left, right):
        self.left = left
        self.right = right

    def swap(self):
        return Pair(self.right, self.left)


class Triple(Pair):
    def __init__(self, a, b, c):
        Pair.__init__(self, a, b)
        self.third = c


class TypeError_(Exception):
    def __init__(self, message):
        self.message = message


def as_pair(v):
    if not isinstance(v, Pair):
        raise TypeError_("not a pair: " + v.describe())
    return v


def total(v):
    if isinstance(v, Int):
        return v.n
    elif isinstance(v, Triple):
        return total(v.left) + total(v.right) + total(v.third)
    elif isinstance(v, Pair):
        return total(v.left) + total(v.right)
    return 0


def only_ints(v):
    # Always an Int here: the Pair branch is never taken.
    if isinstance(v, Pair):
        return -1
    return v.n


def maybe(v):
    if v is not None and isinstance(v, Int):
        return v.n
    return -100


def main(argv):
    values = [Int(1), Pair(Int(2), Int(3)), Triple(Int(4), Int(5), Pair(Int(6), Int(7))), Value()]
    for v in values:
        print(v.describe(), total(v))
        try:
            p = as_pair(v)
            s = p.swap()
            print("swapped", total(s.left), total(s.right))
        except TypeError_ as e:
            print("error:", e.message)
    print(only_ints(Int(42)))
    none = None
    if len(argv) > 1:
        none = Int(9)
    print(maybe(none), maybe(None))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
