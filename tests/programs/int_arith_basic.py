# Basic int arithmetic, including values near the 64-bit limits (all results fit).


def show(label, value):
    print(label, value)


def main(argv):
    a = 17
    b = 5
    show("a + b", a + b)
    show("a - b", a - b)
    show("b - a", b - a)
    show("a * b", a * b)
    show("-a * b", -a * b)
    show("a // b", a // b)
    show("a % b", a % b)
    show("precedence", 2 + 3 * 4 - 10 // 3)
    show("parens", (2 + 3) * (4 - 10) // 3)
    show("unary", -(-a) + (+b) - -3)
    big = 9223372036854775807
    show("maxint", big)
    show("maxint - 1", big - 1)
    show("minint", -big - 1)
    show("minint + 1", -big - 1 + 1)
    show("near square", 3037000499 * 3037000499)
    show("big product", 1000000007 * 998244353)
    show("neg product", -4611686018427387904 * 2)
    show("big sum", 4611686018427387903 + 4611686018427387904)
    total = 0
    i = 1
    while i <= 1000:
        total = total + i * i
        i += 1
    show("sum of squares", total)
    x = 1
    for k in range(20):
        x = x * 3 + k
    show("iterated", x)
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
