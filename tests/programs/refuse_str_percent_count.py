# The number of `%` conversions must match the number of values.


def main(argv):
    print("%d and %d" % (1,))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
