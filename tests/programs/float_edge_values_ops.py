# Arithmetic, abs, min/max and comparisons on float edge values: signed zeros, subnormals, huge, inf, nan.


def main(argv):
    inf = float("inf")
    nan = float("nan")
    vals = [0.0, -0.0, 1.0, -1.0, 0.5, 1e-320, 5e-324, 1.7976931348623157e308, 1e22, 1e21, 123456789012345678.0, 0.1, 2.5, -2.5, 3.5, inf, -inf, nan]
    for v in vals:
        print(v, -v, abs(v), v * 2, v / 3, v == v, v < 1.0)
    for v in [2.5, -2.5, 0.5, 1e300, -0.0]:
        print(v // 1, v % 1, v // -1, v % -1)
    print(1e308 * 10 == inf, -1e308 * 10 == -inf)
    print(5e-324 / 2, -5e-324 / 2)
    print(min(0.0, -0.0), max(0.0, -0.0), min(-0.0, 0.0), max(-0.0, 0.0))
    print(min(nan, 1.0), max(nan, 1.0), min(1.0, nan), max(1.0, nan))
    print(2.0 ** 0.5, 2.0 ** -1, (-8.0) ** 3, 0.0 ** 0, 10.0 ** 308, 10.0 ** -310)
    print(1 / 3 * 3 == 1, 0.1 * 3, 100.0, 1e16, 1e-4, 1e-5, 12345.678)
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
