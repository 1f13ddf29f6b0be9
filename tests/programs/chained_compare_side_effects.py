# Chained comparisons evaluate each operand at most once and stop at the first false link.


def side(n, log):
    log.append(n)
    return n


def main(argv):
    log = []
    print(side(1, log) < side(2, log) < side(0, log) < side(5, log))
    print(log)
    log2 = []
    print(side(3, log2) == side(3, log2) != side(4, log2) > side(1, log2))
    print(log2)
    a = 5
    print(1 < a <= 5, 5 <= a < 5, 0 < a > 3, a == 5 == a, 1 < 2 > 0 < 3 != 4)
    print("a" < "b" < "c", "a" < "c" < "b", 1.0 < 2 < 3.5, -0.0 == 0 == 0.0)
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
