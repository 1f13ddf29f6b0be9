# Calling a function that is defined nowhere (CPython would fail only when it runs).


def main(argv):
    print("start")
    frobnicate(3)
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
