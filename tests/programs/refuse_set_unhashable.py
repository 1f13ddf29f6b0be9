# Refused: a list cannot be a set item (unhashable, as in CPython).


def main(argv):
    s = set()
    s.add([1, 2])
    print(len(s))
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
