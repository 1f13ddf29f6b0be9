# abs() of ints and floats.


def main(argv):
    print(abs(5), abs(-5), abs(0), abs(-9223372036854775807))
    print(abs(2.5), abs(-2.5), abs(-0.0), abs(0.0))
    print(abs(float('-inf')), abs(float('nan')), abs(-1e-300))
    total = 0
    for x in range(-5, 6):
        total = total + abs(x)
        print(x, abs(x), abs(x * 1.5))
    print("total", total)
    a = 3
    b = 10
    print("distance", abs(a - b), abs(b - a))
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
