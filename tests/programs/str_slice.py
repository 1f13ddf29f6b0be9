# Slicing strs: every combination of missing, negative and out-of-range bounds and steps.


def main(argv):
    s = "abcdefghij"
    bounds = [None, -15, -10, -3, -1, 0, 1, 4, 9, 10, 15]
    steps = [None, 1, 2, 3, -1, -2, -4]
    for st in steps:
        row = []
        for a in bounds:
            for b in bounds:
                row.append(s[a:b:st])
        print(st, "|".join(row))
    print(s[:], s[::-1], s[1:-1], s[-3:], s[:3], s[::2], s[1::2])
    w = "\u00e9\u20ac\U0001f600xyz"
    print(w[1:3], w[::-1], w[-2:], w[:0], w[5:100])
    print(""[1:2], ""[::-1], "a"[::-1])
    n = 0
    for i in range(len(s)):
        n += len(s[i:])
    print(n)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
