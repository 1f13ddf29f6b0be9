# Lists of ints: displays, append, len, indexing, item assignment, iteration, printing.


def total(items):
    s = 0
    for x in items:
        s = s + x
    return s


def main(argv):
    a = [3, 1, 4, 1, 5]
    print(a, len(a))
    a.append(9)
    a.append(-2)
    print(a, len(a))
    print(a[0], a[1], a[6], a[len(a) - 1])
    a[0] = 100
    a[3] = a[3] + a[4]
    print(a)
    print("total", total(a))
    empty = []
    print(empty, len(empty), total(empty))
    for i in range(5):
        empty.append(i * i)
    print(empty)
    b = []
    i = 0
    while i < len(a):
        b.append(a[i] * 2)
        i += 1
    print(b)
    squares = []
    for x in b:
        if x > 0:
            squares.append(x * x)
    print(squares)
    print([1], [-1, 0, 1], [9223372036854775807, -9223372036854775807 - 1])
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
