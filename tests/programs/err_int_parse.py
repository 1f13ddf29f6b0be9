# int('abc') raises an uncaught ValueError.


def main(argv):
    print(int("12") + 1)
    s = "abc"
    print("parsing", s)
    n = int(s)
    print(n)
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
