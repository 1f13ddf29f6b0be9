"""Big ints, special floats, bytes, sets, strings."""

BIG = 2 ** 100
NEG_BIG = -(2 ** 64)
MAX = 2 ** 63 - 1
MIN = -(2 ** 63)
INF = float("inf")
NINF = float("-inf")
NAN = float("nan")
ONE = 1.0
BYTES = b"ab\x00\xff"
FROZEN = frozenset([3])
UNI = "h\u00e9llo \U0001f600"
SURROGATE = "\udc80"
FLAGS = (True, False, None)
SENTINEL = object()
ERR = ValueError("bad", 3)


def main(argv):
    return BIG + NEG_BIG + MAX + MIN + INF + NINF + NAN + ONE + len(BYTES) + len(FROZEN) + len(UNI) + len(SURROGATE) + len(FLAGS) + (SENTINEL is None) + len(ERR.args)
