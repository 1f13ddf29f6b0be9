"""Functions made with exec at import time, and sys.argv as `python3 generated.py` sees it."""

import sys

ARGV = list(sys.argv)
NAME = __name__

for _n in range(2):
    exec("def get_%d(x):\n    return x + %d + OFFSET\n" % (_n, _n))

OFFSET = 100

_ns = {"OFFSET": 5}
exec("def fresh(x):\n    return x + OFFSET\n", _ns)
fresh = _ns["fresh"]


def main(argv):
    return get_0(1) + get_1(2) + fresh(3) + len(ARGV) + len(NAME)
