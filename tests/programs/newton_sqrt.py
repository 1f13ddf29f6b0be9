# Newton's method for square roots in floats, and integer square roots.


def sqrt_newton(x):
    if x == 0.0:
        return 0.0
    guess = x
    if guess < 1.0:
        guess = 1.0
    for i in range(100):
        nxt = 0.5 * (guess + x / guess)
        if nxt == guess:
            break
        guess = nxt
    return guess


def isqrt_newton(n):
    if n < 2:
        return n
    x = n
    y = x // 2 + x % 2
    while y < x:
        x = y
        y = (x + n // x) // 2
    return x


def main(argv):
    for v in [0.0, 1.0, 2.0, 3.0, 0.25, 1e-10, 10.0, 144.0, 1e20, 12345.678]:
        r = sqrt_newton(v)
        print(v, r, r * r, r == v ** 0.5)
    for n in [0, 1, 2, 3, 4, 24, 25, 26, 1000000, 999999999999, 9223372036854775807]:
        print(n, isqrt_newton(n))
    x = 2.0
    for i in range(6):
        x = x - (x * x - 2.0) / (2.0 * x)
        print("step", i, x)
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
