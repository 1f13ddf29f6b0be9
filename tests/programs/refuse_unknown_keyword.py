# Calling a function with a keyword argument it does not have.


def add(a, b=0):
    return a + b


def main(argv):
    print(add(1, c=2))
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
