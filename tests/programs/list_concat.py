# list + list makes a new list; the operands are unchanged.


def main(argv):
    a = [1, 2]
    b = [3, 4, 5]
    c = a + b
    print(a, b, c)
    c.append(6)
    print(a, b, c)
    d = c + []
    e = [] + c
    d[0] = 100
    print(c, d, e)
    print(a + a + a)
    s = ["x"] + ["y", "z"]
    print(s, len(s))
    acc = []
    for i in range(4):
        acc = acc + [i]
        print(acc)
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
