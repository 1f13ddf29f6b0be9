# Wrapping 64-bit arithmetic, made explicit with intmask() so CPython agrees.
from rpy.rarithmetic import intmask


def main(argv):
    big = 9223372036854775807
    print(intmask(big + 1))
    print(intmask(big + big))
    print(intmask(-big - 1 - 1))
    print(intmask(big * 2), intmask(big * big), intmask(big * -3))
    print(intmask(1 << 63), intmask(1 << 63 - 1), intmask(3 << 62))
    print(intmask(4611686018427387904 * 4), intmask(4611686018427387904 * 3))
    print(intmask(0), intmask(-1), intmask(12345))
    x = 1
    for i in range(70):
        x = intmask(x * 3)
        if i % 7 == 6:
            print("3 **", i + 1, "wrapped:", x)
    y = big
    for i in range(5):
        y = intmask(y + big)
        print("accumulate", i, y)
    f = 1
    for n in range(1, 31):
        f = intmask(f * n)
    print("30! mod 2**64 signed:", f)
    z = -1
    for i in range(4):
        z = intmask(z * 4294967296 + 1)
        print("z", z)
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
