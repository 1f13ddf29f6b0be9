# len() of a range with more than sys.maxsize items raises OverflowError.


def main(argv):
    big = 9223372036854775807
    print(len(range(0, big)))
    try:
        print(len(range(-1, big)))
    except OverflowError:
        print("overflow 1")
    try:
        print(len(range(-big - 1, 5, 2)), len(range(-big - 1, 5)))
    except OverflowError:
        print("overflow 2")
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
