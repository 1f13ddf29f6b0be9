# print() of every kind of value, with sep and end, and int/float/bool arithmetic mixes.


def nothing():
    pass


def main(argv):
    print()
    print("")
    print(None, nothing(), 1, 1.0, "1", True, [1], [1.0], ["1"], [True])
    print(1, end="")
    print(2, end="")
    print()
    print("a", "b", sep="")
    print("a", "b", sep="", end="|\n")
    print(1 == 1.0, 1 + True, True + True, 3 * False, -True, ~True, True / 2, True // 2)
    print(7 / 2, -7 / 2, 7 // 2.0, 7 % 2.5, 2 ** 0.5, 4 ** 0.5, 10 / 5, 1 / 7)
    print(3 == 3.0000000000000001, 2 ** 52 + 1 == float(2 ** 52 + 1), 2 ** 52 + 1 > float(2 ** 52))
    print(len(argv), argv[0] == argv[0], argv[-1])
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
