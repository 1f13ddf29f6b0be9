# lambda is outside the slice.


def main(argv):
    inc = lambda x: x + 1
    print(inc(2))
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
