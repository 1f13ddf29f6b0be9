# Where repr switches between positional and exponent notation, both directions.


def main(argv):
    x = 1.0
    for i in range(20):
        print(i, x, -x)
        x = x * 10
    y = 1.0
    for i in range(10):
        y = y / 10
        print(-i - 1, y)
    z = 1.2345
    for i in range(12):
        print(z)
        z = z * 37
    w = 9.87654321
    for i in range(8):
        w = w / 1000
        print(w)
    print(2.0 ** 52, 2.0 ** 53, 2.0 ** 63, 2.0 ** 64, 2.0 ** 100, 2.0 ** -30)
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
