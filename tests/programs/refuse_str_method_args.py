# str methods check their argument types: split's separator must be a str or None.


def main(argv):
    parts = "a b c".split(1)
    print(parts)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
