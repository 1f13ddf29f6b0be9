# Module-level constants of type int, float and str read by functions.

SIZE = 8
SCALE = 2.5
GREETING = "hi"
LIMIT = 9223372036854775807
DEBUG = False


def area():
    return SIZE * SIZE


def scaled(x):
    return x * SCALE


def main(argv):
    print(SIZE, SCALE, GREETING, LIMIT, DEBUG)
    print(area(), scaled(4), GREETING * 3)
    if DEBUG:
        print("debugging")
    total = 0
    for i in range(SIZE):
        total = total + i
    print(total, LIMIT - total)
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
