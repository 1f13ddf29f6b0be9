# int == float and int < float compare the exact values, as CPython does: 2**53 + 1 is
# not equal to 2.0**53, even though converting it to float would round it to 2**53.


def main(argv):
    n = 9007199254740993
    f = 9007199254740992.0
    print(n == f, n != f, n > f, n >= f, f < n, f == n)
    m = 9223372036854775807
    g = 9223372036854775808.0
    print(m == g, m < g, g > m, m <= g)
    print(3 == 3.0, -1 < -0.5, 2 ** 53 == 2.0 ** 53)
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
