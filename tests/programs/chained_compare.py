# Chained comparisons evaluate each operand at most once and stop at the first false link.


def noisy(label, value):
    print("  eval", label)
    return value


def main(argv):
    x = 5
    print(1 < x < 10, 1 < x < 3, 10 > x > 1, 5 <= x <= 5, 1 < x > 3)
    print(1 == 1 == 1, 1 == 1 == 2, 1 != 2 != 1, 1 < 2 < 3 < 4 < 5, 1 < 2 < 3 > 4)
    print(-1.5 < 0 < 0.5, "a" < "b" < "c", "b" < "a" < "c")
    print("middle once:")
    r = 0 < noisy("mid", 5) < 10
    print(r)
    print("short circuit:")
    r = noisy("a", 5) < noisy("b", 3) < noisy("c", 10)
    print(r)
    r = noisy("a", 1) < noisy("b", 2) < noisy("c", 3) < noisy("d", 0)
    print(r)
    count = 0
    for i in range(-5, 15):
        if 0 <= i < 10:
            count += 1
    print("in [0, 10):", count)
    lo = 3
    hi = 7
    for v in [2, 3, 5, 7, 8]:
        if lo < v < hi:
            print(v, "strictly inside")
        elif lo <= v <= hi:
            print(v, "on the boundary")
        else:
            print(v, "outside")
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
