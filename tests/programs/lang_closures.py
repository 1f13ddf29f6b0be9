"""Closures: lambdas and nested functions reading the enclosing function's variables,
`nonlocal` rebinding, and closures used as values (lists, dicts, arguments)."""


def apply(f, x):
    return f(x)


def twice(f, x):
    return f(f(x))


def make_counter(start):
    count = start

    def inc(step):
        nonlocal count
        count += step
        return count

    return inc


def make_ops(n):
    return [lambda x: x + n, lambda x: x * n, lambda x: x - n]


def compose(f, g):
    return lambda x: f(g(x))


def fact_of(n):
    def fact(k):
        if k <= 1:
            return 1
        return k * fact(k - 1)

    return fact(n)


def outer(a):
    def middle(b):
        def inner(c):
            return a * 100 + b * 10 + c

        return inner(b + 1)

    return middle(a + 1)


def no_free(xs):
    double = lambda x: x * 2
    return [double(x) for x in xs]


def late_binding():
    n = 1
    f = lambda: n
    n = 5
    return f()


def sum_with_helper(xs):
    total = 0

    def add(v):
        nonlocal total
        total += v

    for x in xs:
        add(x)
    add(100)
    return total


def main(argv):
    n = 3
    add = lambda x: x + n
    def mul(x):
        return x * n
    print(add(2), mul(4))
    ops = [add, mul, lambda x: x - n]
    for f in ops:
        print(f(10), apply(f, 1), twice(f, 2))
    table = {"add": add, "mul": mul}
    for k in table:
        print(k, table[k](7))
    c = make_counter(10)
    print(c(1), c(2), c(5))
    c2 = make_counter(0)
    print(c2(1), c(0))
    for op in make_ops(4):
        print(op(10))
    h = compose(add, mul)
    print(h(5))
    print(fact_of(10))
    print(outer(3))
    print(no_free([1, 2, 3]))
    print(late_binding())
    print(sum_with_helper([1, 2, 3]))
    words = ["pear", "fig", "banana", "kiwi"]
    print(sorted(words, key=lambda w: len(w)))
    limit = 4
    print([w for w in words if len(w) >= limit])
    n = 10
    print(add(1))
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
