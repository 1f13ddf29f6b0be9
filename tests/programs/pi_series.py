# Float accumulation in a fixed order: Leibniz and Nilakantha series, Wallis product.


def leibniz(terms):
    total = 0.0
    sign = 1.0
    for k in range(terms):
        total = total + sign / (2 * k + 1)
        sign = -sign
    return 4.0 * total


def nilakantha(terms):
    pi = 3.0
    sign = 1.0
    n = 2.0
    for k in range(terms):
        pi = pi + sign * 4.0 / (n * (n + 1.0) * (n + 2.0))
        sign = -sign
        n = n + 2.0
    return pi


def wallis(terms):
    p = 1.0
    for k in range(1, terms + 1):
        four_k2 = 4.0 * k * k
        p = p * four_k2 / (four_k2 - 1.0)
    return 2.0 * p


def main(argv):
    for terms in [1, 2, 10, 100, 1000, 10000]:
        print(terms, leibniz(terms), nilakantha(terms), wallis(terms))
    e = 1.0
    term = 1.0
    for k in range(1, 20):
        term = term / k
        e = e + term
    print("e", e)
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
