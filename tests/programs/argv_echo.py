# argv is a list of strs: argv[0] is the program, then the arguments.


def main(argv):
    print("argc", len(argv))
    for i in range(1, len(argv)):
        print("arg", i, argv[i], len(argv[i]))
    rest = []
    first = True
    for a in argv:
        if first:
            first = False
            continue
        rest.append(a)
    print(rest)
    total = 0
    for a in rest:
        total = total + len(a)
    print("total length", total)
    if len(argv) > 1:
        print("last", argv[-1], "first char", argv[1][0])
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
