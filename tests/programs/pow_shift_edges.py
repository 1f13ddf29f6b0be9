# int ** with edge bases and exponents, float powers, shifts by 0..100 bits of positive and negative ints.
from rpy.rarithmetic import intmask


def main(argv):
    print(2 ** 62, (-2) ** 63, 3 ** 39, 0 ** 0, (-1) ** 63, 1 ** 1000000)
    print(intmask(2 ** 64), intmask(3 ** 41), intmask(7 ** 30))
    print(2.0 ** 10, 2 ** 10.0, (-2.0) ** 2, 0.5 ** 1074, 0.5 ** 1075)
    for s in [0, 1, 31, 32, 62, 63]:
        print(s, 1 << s if s < 63 else intmask(1 << s), -1 << s if s < 64 else 0, -5 >> s, 5 >> s)
    print(-1 >> 100, 1 >> 100, 0 << 70)
    print(intmask(1 << 64), intmask(-1 << 63))
    print(~0, ~-1, -~5, ~~7, 0 ^ -1, -8 & 7, -8 | 7)
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
