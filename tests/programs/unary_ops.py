# Unary minus, plus, invert and not on ints, floats and bools.


def main(argv):
    a = 5
    print(-a, +a, ~a, not a)
    a = 0
    print(-a, +a, ~a, not a)
    a = -9223372036854775807
    print(-a, +a, ~a, not a)
    f = 2.5
    print(-f, +f, not f)
    f = 0.0
    print(-f, +f, not f)
    t = True
    print(not t, not not t, not False)
    print(- -3, -(-(-3)), ~~7, -~7, ~-7)
    x = 10
    x = -x
    print(x)
    x = -x
    print(x)
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
