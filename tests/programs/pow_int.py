# int ** non-negative int stays an int.


def main(argv):
    print(2 ** 0, 2 ** 1, 2 ** 10, 2 ** 62)
    print(3 ** 39)
    print((-2) ** 63)
    print((-3) ** 3, (-3) ** 4)
    print(0 ** 0, 0 ** 5, 1 ** 1000, (-1) ** 101, (-1) ** 100)
    print(10 ** 18)
    print(-2 ** 2, (-2) ** 2)
    print(2 ** 3 ** 2)
    x = 7
    for e in range(0, 23, 3):
        print("7 **", e, "=", x ** e)
    base = -5
    e = 0
    while e <= 27:
        print(base, "**", e, "=", base ** e)
        e += 9
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
