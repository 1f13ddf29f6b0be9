# Matrix multiplication, transpose and identity on flat row-major lists.


def make(rows, cols, start, step):
    m = []
    v = start
    for i in range(rows * cols):
        m.append(v)
        v = v + step
    return m


def matmul(a, b, n, k, m):
    # a is n x k, b is k x m, result n x m
    out = []
    for i in range(n):
        for j in range(m):
            s = 0
            for t in range(k):
                s = s + a[i * k + t] * b[t * m + j]
            out.append(s)
    return out


def transpose(a, rows, cols):
    out = []
    for j in range(cols):
        for i in range(rows):
            out.append(a[i * cols + j])
    return out


def identity(n):
    out = []
    for i in range(n):
        for j in range(n):
            if i == j:
                out.append(1)
            else:
                out.append(0)
    return out


def show(m, rows, cols):
    for i in range(rows):
        line = ""
        for j in range(cols):
            line = line + " " + str(m[i * cols + j])
        print(line)


def main(argv):
    a = make(2, 3, 1, 1)
    b = make(3, 2, 7, -2)
    show(a, 2, 3)
    print("*")
    show(b, 3, 2)
    print("=")
    show(matmul(a, b, 2, 3, 2), 2, 2)
    print("transpose of a:")
    show(transpose(a, 2, 3), 3, 2)
    c = make(4, 4, -5, 3)
    print(matmul(c, identity(4), 4, 4, 4))
    print(c)
    p = identity(3)
    f = make(3, 3, 1, 1)
    for i in range(5):
        p = matmul(p, f, 3, 3, 3)
    print("f ** 5:")
    show(p, 3, 3)
    fib = [1, 1, 1, 0]
    r = identity(2)
    for i in range(50):
        r = matmul(r, fib, 2, 2, 2)
    print("fib via matrix:", r[1])
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
