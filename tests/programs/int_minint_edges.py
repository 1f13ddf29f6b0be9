# The most negative int: operations whose result still fits in 64 bits.


def minint():
    return -9223372036854775807 - 1


def main(argv):
    m = minint()
    print(m)
    print(m + 1, m + 9223372036854775807)
    print(m // 1, m % 1)
    print(m % -1, m % 2, m % -2, m % 3, m % -3)
    print(m // 2, m // -2, m // 3, m // -3)
    print(m // 9223372036854775807, m % 9223372036854775807)
    print(m >> 1, m >> 62, m >> 63)
    print(m & -1, m | 1, m ^ -1, ~m)
    print(m < 0, m < -9223372036854775807, m == -9223372036854775807 - 1)
    print(min(m, 0), max(m, -1))
    print(str(m), int(str(m)) == m)
    print(int('-9223372036854775808'))
    print(float(m))
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
