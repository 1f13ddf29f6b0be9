# A module-level int constant that does not fit in 64 bits.
BIG = 12345678901234567890123


def main(argv):
    print(BIG + 1)
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
