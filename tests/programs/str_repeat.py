# str * int and int * str; zero or negative counts give the empty str.


def main(argv):
    print("ab" * 3, 3 * "ab")
    print("[" + "x" * 0 + "]", "[" + "x" * -2 + "]", "[" + "" * 10 + "]")
    print(len("abc" * 100))
    for n in range(5):
        print("*" * n + " " * (4 - n) + "|")
    for n in range(4, 0, -1):
        print(" " * (4 - n) + "#" * (2 * n - 1))
    line = "-=" * 10
    print(line, len(line))
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
