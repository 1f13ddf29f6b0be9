# float / 0.0 raises ZeroDivisionError (no inf), uncaught here.


def main(argv):
    x = 1.5
    y = 0.0
    print(x / 2.0)
    print(x / y)
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
