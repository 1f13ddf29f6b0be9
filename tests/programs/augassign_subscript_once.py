# Chained assignment, augmented assignment to list items (the index is evaluated once), unary operators, conditional expressions.


def idx(log, i):
    log.append(i)
    return i


def main(argv):
    a = b = c = 7
    b += 1
    print(a, b, c)
    x = y = []
    x.append(1)
    print(x, y)
    log = []
    lst = [10, 20, 30]
    lst[idx(log, 1)] += 5
    lst[idx(log, -1)] *= 2
    lst[idx(log, 0)] //= 3
    lst[idx(log, 0)] **= 2
    lst[idx(log, 2)] %= 7
    lst[idx(log, 1)] <<= 2
    lst[idx(log, 1)] >>= 1
    lst[idx(log, 1)] |= 1
    lst[idx(log, 1)] &= 0xFF
    lst[idx(log, 1)] ^= 0x0F
    lst[idx(log, 1)] -= 1000
    print(lst, log)
    f = [1.5]
    f[0] /= 4
    print(f)
    n = +5
    m = -(-n)
    print(n, m, not not n, - - -n, +-+n)
    p = 5 if n > 3 else 6
    q = "big" if n > 10 else "small" if n > 2 else "tiny"
    print(p, q)
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
