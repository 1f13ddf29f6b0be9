# Traced code that inlines helper frames: an exception raised two calls deep and caught
# by the interpreter loop, for-loops over ranges and lists inside bytecodes (unroll_safe
# and not), a dont_look_inside helper, we_are_jitted, and guards failing inside an
# inlined frame (the blackhole must rebuild the frames in the middle of the helper).
from rpy.jit import JitDriver, dont_look_inside, unroll_safe, we_are_jitted


class Overflowed(Exception):
    pass


def check(x, limit):
    if x > limit:
        raise Overflowed()
    return x


def bump(x, limit):
    return check(x + 3, limit) * 2


@unroll_safe
def small_sum(values):
    s = 0
    for v in values:
        s += v
    return s


def big_sum(n):
    s = 0
    for j in range(n):
        s += j % 5
    return s


@dont_look_inside
def opaque(x):
    return x * 31 % 1009


def describe(x):
    if x % 2 == 0:
        return "even"
    return "odd"


driver = JitDriver(greens=["op"], reds=["i", "n", "acc", "resets", "values", "words"])


def run(n, values):
    i = 0
    acc = 0
    resets = 0
    words = 0
    op = 0
    while i < n:
        driver.jit_merge_point(op=op, i=i, n=n, acc=acc, resets=resets, values=values, words=words)
        try:
            acc = bump(acc, 5000)
        except Overflowed:
            acc = acc % 97
            resets += 1
        acc += small_sum(values) + big_sum(i % 7) + opaque(i)
        if describe(acc) == "even":
            words += 1
        if we_are_jitted():
            acc += 0
        i += 1
    return acc, resets, words


def main(argv):
    print(run(3000, [1, 2, 3]))
    print(run(500, [4, 5]))
    print(run(10, []))
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(main(sys.argv))
