# Calling a function with too many positional arguments.


def add(a, b):
    return a + b


def main(argv):
    print(add(1, 2, 3))
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
