# print() with sep and end given as variables, None, empty strings, and no positional arguments.


def main(argv):
    sep = "::"
    for i in range(3):
        print(i, i * 1.5, str(i) * i, sep=sep, end=";" if i < 2 else "\n")
    print(1, 2, sep=None)
    print(1, 2, end=None)
    print(sep="x")
    print(end="")
    print("", end="\n\n")
    print([1, 2], [True], sep="\t")
    print("no star")
    e = ""
    for w in ["a", "b"]:
        e = e + w
    print(e, end="")
    print()
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
