# A module-level list holding an int that does not fit in 64 bits.
TABLE = [1, 2 ** 70]


def main(argv):
    print(TABLE[0])
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
