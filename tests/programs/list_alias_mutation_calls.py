# Lists passed to functions and mutated there; repetition and concatenation copy; list comparisons.


def add_all(dst, src):
    for x in src:
        dst.append(x)


def double(lst):
    n = len(lst)
    for i in range(n):
        lst.append(lst[i] * 2)
    return lst


def swap_ends(lst):
    lst[0], lst[-1] = lst[-1], lst[0]


def main(argv):
    a = [1, 2, 3]
    add_all(a, [4, 5])
    print(a)
    b = double(a)
    print(len(a), a[-1])
    b[0] = 100
    print(a[0])
    c = [a, a]
    print(len(c))
    swap_ends(a)
    print(a)
    d = a * 2
    d[0] = -1
    print(a[0], d[0], len(d))
    e = a + d
    print(e == a + d, e < a, a < e, [] < [0], [0] < [])
    f = [0.5, -0.0, 1e10]
    f.append(float("inf"))
    print(f, [True, False], [""], ["a", "b'c", 'd"e'])
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
