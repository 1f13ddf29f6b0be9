# Handlers match subclasses: LookupError, ArithmeticError, Exception; the first match wins.
from rpy.rarithmetic import ovfcheck


def lookup(items, i):
    try:
        return items[i]
    except LookupError:
        print("  LookupError")
        return 0


def arith(a, b):
    try:
        return a // b
    except ArithmeticError:
        print("  ArithmeticError")
        return 0


def overflow(a):
    try:
        return ovfcheck(a * a)
    except ArithmeticError:
        print("  overflow is an ArithmeticError")
        return 0


def anything(s):
    try:
        return int(s)
    except Exception:
        print("  Exception")
        return 0


def order(i):
    try:
        if i == 0:
            raise ValueError("zero")
        if i == 1:
            raise IndexError("one")
        return i
    except IndexError:
        print("  first handler")
    except ValueError:
        print("  second handler")
    except Exception:
        print("  never")
    return -1


def main(argv):
    print(lookup([1], 5), lookup([1], 0))
    print(arith(1, 0), arith(7, 2))
    print(overflow(3037000500), overflow(3))
    print(anything("x"), anything("5"))
    print(order(0), order(1), order(2))
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
