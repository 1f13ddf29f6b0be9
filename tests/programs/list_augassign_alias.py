# += on a list extends it in place (aliases see it); + makes a new list; += on strs rebinds.


def extend(lst, other):
    lst += other
    return lst


def main(argv):
    a = [1, 2]
    b = a
    a += [3]
    print(a, b, len(b))
    c = extend(a, [4, 5])
    print(a, b, c)
    s = "ab"
    t = s
    s += "c"
    print(s, t)
    m = [0] * 3
    m *= 2
    print(m)
    d = b
    b = b + [9]
    print(d, b)
    x = [1.5]
    x += x
    print(x)
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
