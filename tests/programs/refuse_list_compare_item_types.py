# Comparing a list of ints with a list of strs: the message names both item types.


def main(argv):
    print([1] == ["a"])
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
