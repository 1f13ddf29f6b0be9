# Default arguments of several types combined with keyword arguments in any order.


def f(a, b=2, c=3):
    return a * 100 + b * 10 + c


def g(s, sep=",", n=1):
    out = ""
    for i in range(n):
        if i > 0:
            out += sep
        out += s
    return out


def h(x=1.5, flag=False):
    if flag:
        return -x
    return x


def main(argv):
    print(f(1), f(1, 5), f(1, c=7), f(a=4, c=0, b=9), f(c=1, a=2))
    print(g("ab"), g("ab", n=3), g("x", "-", 4), g(sep="", s="q", n=5))
    print(h(), h(flag=True), h(2.0, True), h(x=0.0, flag=True))
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
