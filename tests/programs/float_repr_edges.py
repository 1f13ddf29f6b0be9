# print() of floats uses the shortest repr that round-trips.


def main(argv):
    print(0.1 + 0.2)
    print(1e16, 1e15, 1e17, 123456789012345678.0)
    print(1.5e-07, 0.0001, 0.00001, 1e-05 * 3)
    print(float('inf'), float('-inf'), float('nan'), -float('inf'))
    print(-0.0, 0.0, 0.0 * -1)
    print(1 / 3, 2 / 3, 2.0 ** 0.5)
    print(1.0, 100.0, -2.5, 3.14159, 1e22, 1e23)
    print(5e-324, 2.2250738585072014e-308, 1.7976931348623157e+308)
    print(0.5, 0.25, 0.125, 0.1, 0.2, 0.3, 0.7)
    print(9007199254740993.0, 4.35, 2.675, 1.1 * 1.1)
    print(1e100, 1.23e-100, 12345.678e10)
    print(str(3.0), str(-0.0), str(1e16), str(0.1))
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
