# Bit manipulation on negative and extreme ints: popcount, bit reversal, two's complement.
from rpy.rarithmetic import intmask


def popcount(x):
    n = 0
    for i in range(64):
        if (x >> i) & 1:
            n += 1
    return n


def reverse_bits(x):
    r = 0
    for i in range(64):
        r = intmask((r << 1) | ((x >> i) & 1))
    return r


def binary(x):
    if x == 0:
        return "0"
    s = ""
    neg = x < 0
    while x != 0 and len(s) < 64:
        s = str(x & 1) + s
        x = x >> 1
        if neg and x == -1:
            s = "1..." + s
            break
    return s


def main(argv):
    small = intmask(-2 ** 63)
    for x in [0, 1, -1, 5, -5, 255, -256, small, intmask(-small - 1), -0x5555555555555556]:
        print(x, popcount(x), reverse_bits(x), binary(x))
    print(-1 & 0xFF, -1 ^ 0xFF, ~0xFF & -1, (-7) >> 1, (-7) // 2, 7 >> 1)
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
