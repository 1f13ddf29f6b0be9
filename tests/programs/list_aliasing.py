# Two names for one list see each other's changes; a list passed to a function is shared.


def fill(lst, n):
    for i in range(n):
        lst.append(i)


def bump(lst):
    for i in range(len(lst)):
        lst[i] = lst[i] + 10


def main(argv):
    a = []
    b = a
    fill(a, 3)
    print(a, b)
    b.append(99)
    print(a, b, len(a))
    bump(b)
    print(a)
    c = a + []
    c.append(-1)
    print(a, c)
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
