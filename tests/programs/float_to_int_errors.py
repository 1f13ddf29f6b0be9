# int() of inf raises OverflowError, of nan raises ValueError.


def to_int(x):
    try:
        return int(x)
    except OverflowError:
        print("  OverflowError for", x)
        return 0
    except ValueError:
        print("  ValueError for", x)
        return -1


def main(argv):
    print(to_int(2.5), to_int(-1e15))
    print(to_int(float('inf')))
    print(to_int(float('-inf')))
    print(to_int(float('nan')))
    print("done")
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
