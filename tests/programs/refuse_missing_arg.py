# Calling a function with too few arguments.


def area(w, h):
    return w * h


def main(argv):
    print(area(3))
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
