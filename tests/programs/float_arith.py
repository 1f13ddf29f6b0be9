# Float arithmetic in IEEE double precision.


def main(argv):
    a = 0.1
    b = 0.2
    print(a + b, a + b == 0.3, a * 3, 0.3 - a)
    print(1.5 + 2.25, 1.5 - 2.25, 1.5 * -2.25, 1.5 / 2.25)
    print(-1.5, +1.5, -(-1.5))
    print(2.0 ** 0.5, 2.0 ** 10, 2.0 ** -1, 10.0 ** 15, 10.0 ** 16)
    print((-2.0) ** 3, (-2.0) ** 2.0, 0.0 ** 0, 1.0 ** 1000000)
    print(1e300 * 1e10, -1e300 * 1e10, 1e-300 * 1e-300)
    s = 0.0
    for i in range(10):
        s = s + 0.1
    print("ten tenths", s, s == 1.0)
    h = 0.0
    for k in range(1, 101):
        h = h + 1.0 / k
    print("harmonic 100", h)
    p = 1.0
    for k in range(1, 21):
        p = p * k
    print("20!", p)
    x = 1.0
    n = 0
    while 1.0 + x != 1.0:
        x = x / 2
        n += 1
    print("epsilon halvings", n, x)
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
