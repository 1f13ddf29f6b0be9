# range() with bounds at the ends of the 64-bit range, huge steps, and step 0.
from rpy.rarithmetic import intmask


def count(a, b, c):
    n = 0
    last = -12345
    for i in range(a, b, c):
        n += 1
        last = i
    return n * 1000 + (last % 1000)


def main(argv):
    big = intmask(2 ** 63 - 1)
    small = intmask(-2 ** 63)
    print(count(0, 10, 3), count(10, 0, -3), count(0, 0, 1), count(5, 0, 1), count(0, 5, -1))
    print(count(big - 5, big, 2), count(small + 5, small, -2), count(big - 2, big, big))
    print(count(small, small + 3, 1), count(-3, 3, 7), count(3, -3, -7))
    try:
        count(0, 5, 0)
    except ValueError as e:
        print("ValueError", e)
    n = 0
    for i in range(small, big, intmask(2 ** 62)):
        n += 1
        print(i)
    print(n)
    m = 0
    for i in range(big, small, -intmask(2 ** 62)):
        m += 1
    print(m)
    r = range(3)
    print(len(range(0, 100, 7)), len(range(10, 0, -4)), len(range(5, 5)))
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
