# ovfcheck around //, abs() and << raises OverflowError when the result does not fit.
from rpy.rarithmetic import ovfcheck


def floordiv(a, b):
    try:
        return ovfcheck(a // b)
    except OverflowError:
        return -1


def absolute(a):
    try:
        return ovfcheck(abs(a))
    except OverflowError:
        return -2


def shift(a, n):
    try:
        return ovfcheck(a << n)
    except OverflowError:
        return -3


def main(argv):
    small = -9223372036854775807 - 1
    print(floordiv(small, -1), floordiv(small, 1), floordiv(7, -1))
    print(absolute(small), absolute(small + 1), absolute(-5))
    print(shift(1, 63), shift(1, 62), shift(-1, 63), shift(3, 62), shift(0, 100))
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
