# ovfcheck() turns a 64-bit overflow into OverflowError, caught with try/except.
from rpy.rarithmetic import ovfcheck


def checked_add(a, b):
    try:
        r = ovfcheck(a + b)
    except OverflowError:
        print("add overflow:", a, "+", b)
        return 0
    return r


def checked_mul(a, b):
    try:
        r = ovfcheck(a * b)
    except OverflowError:
        print("mul overflow:", a, "*", b)
        return -1
    return r


def checked_sub(a, b):
    try:
        return ovfcheck(a - b)
    except OverflowError:
        print("sub overflow:", a, "-", b)
        return 1


def factorial(n):
    result = 1
    for k in range(2, n + 1):
        try:
            result = ovfcheck(result * k)
        except OverflowError:
            print("factorial overflows at", k)
            return -1
    return result


def main(argv):
    big = 9223372036854775807
    print(checked_add(1, 2), checked_add(big, 0), checked_add(big, 1))
    print(checked_add(-big, -1), checked_add(-big - 1, -1))
    print(checked_mul(3037000499, 3037000499), checked_mul(3037000500, 3037000500))
    print(checked_mul(-4611686018427387904, 2), checked_mul(4611686018427387904, 2))
    print(checked_mul(-1, -big), checked_mul(-1, -big - 1))
    print(checked_sub(-big, 1), checked_sub(-big, 2), checked_sub(0, -big))
    print(factorial(20))
    print(factorial(25))
    x = 1
    steps = 0
    while True:
        try:
            x = ovfcheck(x * 10)
        except OverflowError:
            break
        steps += 1
    print("powers of ten that fit:", steps, x)
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
