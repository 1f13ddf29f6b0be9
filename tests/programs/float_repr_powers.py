# repr of powers of ten and of their reciprocals, and of values famous for rounding.


def main(argv):
    x = 1.0
    for i in range(25):
        print(x, -x, 1.0 / x)
        x = x * 10.0
    y = 1.0
    for i in range(12):
        y = y / 7.0
        print(y)
    for v in [0.1, 0.2, 0.3, 1.1, 2.675, 1e16, 9999999999999998.0, 1e-7, 123e-20, 4.35, 0.000123, 5e-324, 2.2250738585072014e-308, 1.7976931348623157e308]:
        print(v, str(v), v * 3, v + 1)
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
