# The extreme ints through intmask: wrap-around, division, shifts, bit operations, ovfcheck.
from rpy.rarithmetic import intmask, ovfcheck


def main(argv):
    big = intmask(2 ** 63 - 1)
    small = intmask(-2 ** 63)
    print(big, small)
    print(intmask(big + 1) == small, intmask(big + 1))
    print(intmask(-small) == small, intmask(small * -1) == small)
    print(small % -1, small % 1, big % 2)
    print(small // 2, small >> 63, big >> 62, small >> 1)
    print(intmask(small * -1), intmask(small * 2), intmask(big * 2))
    print(~big, ~small, -big - 1)
    print(big & small, big | small, big ^ small)
    print(min(big, small), max(big, small))
    print(str(small), int(str(small)), int("-9223372036854775808"))
    try:
        print(ovfcheck(big + 1))
    except OverflowError:
        print("ovf add")
    try:
        print(ovfcheck(small - 1))
    except OverflowError:
        print("ovf sub")
    try:
        print(ovfcheck(small * -1))
    except OverflowError:
        print("ovf mul")
    print(float(big), float(small))
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
