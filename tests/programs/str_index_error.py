# An uncaught ValueError from str.index ends the program with status 1.


def main(argv):
    s = "hello"
    print(s.index("l"))
    print(s.index("z"))
    print("not reached")
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
