# float ** float in the special cases of C99 pow: zeros, infinities, nan, overflow.


def fp(a, b):
    try:
        print(a, b, a ** b)
    except ZeroDivisionError as e:
        print(a, b, "ZeroDivisionError", e)
    except OverflowError as e:
        print(a, b, "OverflowError", e)
    except ValueError:
        print(a, b, "ValueError")


def main(argv):
    inf = float("inf")
    nan = float("nan")
    fp(0.0, -1.0)
    fp(-0.0, -1.0)
    fp(-0.0, -2.0)
    fp(0.0, -inf)
    fp(inf, 0.0)
    fp(nan, 0.0)
    fp(1.0, nan)
    fp(-1.0, inf)
    fp(-1.0, -inf)
    fp(2.0, 10000.0)
    fp(-2.0, 10001.0)
    fp(0.5, -inf)
    fp(2.0, -inf)
    fp(inf, -1.0)
    fp(-inf, 3.0)
    fp(-inf, -3.0)
    fp(-inf, 0.5)
    fp(1e-300, 2.0)
    fp(-0.0, 3.0)
    fp(-0.0, 0.5)
    fp(10.0, 308.0)
    fp(10.0, 309.0)
    fp(nan, 1.0)
    fp(0.0, 0.0)
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
