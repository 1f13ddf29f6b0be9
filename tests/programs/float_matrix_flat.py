# Float matrices in flat lists: product, transpose, trace; printing of the results.


def mat(n, seed):
    m = []
    for i in range(n * n):
        seed = (seed * 1103515245 + 12345) % 2147483648
        m.append((seed % 2001 - 1000) / 64.0)
    return m


def mul(a, b, n):
    c = [0.0] * (n * n)
    for i in range(n):
        for j in range(n):
            s = 0.0
            for k in range(n):
                s += a[i * n + k] * b[k * n + j]
            c[i * n + j] = s
    return c


def transpose(a, n):
    return [a[j * n + i] for i in range(n) for j in range(n)]


def trace(a, n):
    t = 0.0
    for i in range(n):
        t += a[i * n + i]
    return t


def main(argv):
    n = 4
    a = mat(n, 7)
    b = mat(n, 11)
    c = mul(a, b, n)
    print(a[0], b[-1])
    print(c)
    print(trace(c, n), trace(mul(b, a, n), n))
    print(transpose(transpose(c, n), n) == c, transpose(c, n) == c)
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
