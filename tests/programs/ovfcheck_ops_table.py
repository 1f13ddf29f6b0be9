# ovfcheck around + - * and unary minus at the edges of the 64-bit range.
from rpy.rarithmetic import ovfcheck, intmask


def t(kind, a, b):
    try:
        if kind == 0:
            r = ovfcheck(a + b)
        elif kind == 1:
            r = ovfcheck(a - b)
        elif kind == 2:
            r = ovfcheck(a * b)
        elif kind == 3:
            r = ovfcheck(-a)
        elif kind == 4:
            r = ovfcheck(a // b)
        elif kind == 5:
            r = ovfcheck(a % b)
        else:
            r = ovfcheck(abs(a))
        print(kind, r)
    except OverflowError:
        print(kind, "overflow")
    except ZeroDivisionError:
        print(kind, "zerodiv")


def main(argv):
    big = intmask(2 ** 63 - 1)
    small = -big - 1
    for k in range(7):
        if k != 4 and k != 6:
            t(k, small, -1)
        t(k, big, 1)
        t(k, 3, 0)
        t(k, -5, 2)
    t(2, 4294967296, 2147483648)
    t(2, 4294967296, -2147483648)
    t(2, -4294967296, 2147483648)
    t(2, 3037000499, 3037000499)
    t(2, 3037000500, -3037000500)
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
