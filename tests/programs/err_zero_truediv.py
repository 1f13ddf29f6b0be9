# int / 0 raises an uncaught ZeroDivisionError.


def main(argv):
    zero = 0
    print(7 / 2)
    print(7 / zero)
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
