# Prime factorisation by trial division; divisor counts and sums.


def factorize(n):
    factors = []
    d = 2
    while d * d <= n:
        while n % d == 0:
            factors.append(d)
            n = n // d
        d += 1
    if n > 1:
        factors.append(n)
    return factors


def show(n):
    fs = factorize(n)
    s = ""
    for i in range(len(fs)):
        if i > 0:
            s = s + " * "
        s = s + str(fs[i])
    print(n, "=", s)


def divisor_sum(n):
    total = 0
    for d in range(1, n + 1):
        if n % d == 0:
            total = total + d
    return total


def main(argv):
    for n in [2, 12, 97, 360, 1001, 65536, 999983, 600851475143, 9223372036854775807]:
        show(n)
    perfect = []
    for n in range(2, 10000):
        if n < 500 and divisor_sum(n) == 2 * n:
            perfect.append(n)
    print("perfect below 500:", perfect)
    counts = []
    for n in range(1, 31):
        counts.append(len(factorize(n)))
    print(counts)
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
