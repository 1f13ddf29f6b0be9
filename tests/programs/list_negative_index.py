# Negative indices count from the end, for reads and writes.


def main(argv):
    a = [10, 20, 30, 40, 50]
    print(a[-1], a[-2], a[-5])
    a[-1] = 55
    a[-5] = 11
    print(a)
    for i in range(-1, -6, -1):
        print(i, a[i], a[len(a) + i])
    n = len(a)
    for i in range(n):
        a[-1 - i] = a[-1 - i] + i
    print(a)
    b = [7]
    print(b[-1], b[0])
    b.append(8)
    print(b[-1], b[-2])
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
