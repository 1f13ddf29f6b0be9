# Naive versus compensated (Kahan) summation of floats; printing exposes rounding.


def naive(xs):
    s = 0.0
    for x in xs:
        s += x
    return s


def kahan(xs):
    s = 0.0
    c = 0.0
    for x in xs:
        y = x - c
        t = s + y
        c = (t - s) - y
        s = t
    return s


def main(argv):
    xs = [0.1] * 10
    print(naive(xs), kahan(xs))
    ys = [1e16, 1.0, -1e16] * 3
    print(naive(ys), kahan(ys))
    zs = [1.0 / (i + 1) for i in range(1000)]
    print(naive(zs), kahan(zs))
    ws = [(-1.0) ** i / (2 * i + 1) for i in range(2000)]
    print(4 * naive(ws), 4 * kahan(ws))
    print(naive([]), kahan([1e308, 1e308]), naive([float("inf"), -float("inf")]))
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
