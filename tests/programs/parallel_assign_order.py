# Parallel assignment evaluates all right-hand sides first, then assigns targets left to right.


def main(argv):
    lst = [10, 20, 30]
    i = 0
    i, lst[i] = 2, 99
    print(i, lst)
    lst[i], i = 7, 1
    print(i, lst)
    a, b, c = 1, 2, 3
    a, b, c = c, a, b
    print(a, b, c)
    x = 5
    x, y = x + 1, x * 2
    print(x, y)
    lst[0], lst[1] = lst[1], lst[0]
    print(lst)
    j = 1
    lst[j], lst[j] = 5, 6
    print(lst)
    s, t = "s", 1.5
    print(s, t)
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
