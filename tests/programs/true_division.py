# / on two ints always gives a float, exact quotients included.


def main(argv):
    print(7 / 2, -7 / 2, 7 / -2, -7 / -2)
    print(10 / 5, 0 / 3, 0 / -3, 1 / 3, 2 / 3, -1 / 3)
    print(1 / 7, 22 / 7, 355 / 113)
    print(9007199254740992 / 2, 1 / 1000000, 123456789 / 1000)
    n = 1
    for d in range(1, 13):
        print("1 /", d, "=", n / d)
    x = 1000000
    y = 3
    q = x / y
    print(q, q * y, int(q))
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
