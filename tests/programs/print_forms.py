# print(): several arguments of different types, no arguments, None, bools, empty strs.


def nothing():
    pass


def main(argv):
    print()
    print("one")
    print("two", "words")
    print(1, 2.5, "three", True, False, None)
    print("")
    print("", "")
    print(" leading", "trailing ")
    print(-1, -0.5, [1, 2], ["a"])
    print(nothing())
    r = nothing()
    print(r is None, r)
    print()
    print(1 < 2, 2 < 1)
    print("a" + "b", 1 + 2, 1.0 + 2)
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
