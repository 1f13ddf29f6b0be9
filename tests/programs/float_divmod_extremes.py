# Float // and % with inf, nan, signed zeros, subnormals and huge quotients.


def d(a, b):
    try:
        print(a, b, a // b, a % b)
    except ZeroDivisionError as e:
        print(a, b, "ZeroDivisionError", e)


def main(argv):
    inf = float("inf")
    nan = float("nan")
    d(1e308, 1e-308)
    d(-1e308, 1e-308)
    d(1.0, -0.0)
    d(1.0, inf)
    d(-1.0, inf)
    d(1.0, -inf)
    d(inf, 1.0)
    d(nan, 1.0)
    d(1.0, nan)
    d(-0.0, 5.0)
    d(0.0, -5.0)
    d(5e-324, 1.0)
    d(-5e-324, 1.0)
    d(1e16, 3.0)
    d(-7.0, 7.0)
    d(7.0, -7.0)
    d(0.3, 0.1)
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
