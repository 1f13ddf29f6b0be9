def comprehension(xs):
    return [x * 2 for x in xs if x > 0 if x < 10]


def nested_comprehension(rows, x):
    return [x + y for row in rows for y in row], x


def genexp(xs):
    return sum(x for x in xs), ",".join(str(x) for x in xs)


def fstrings(name, n):
    return f"hello {name}!", f"{n:>8} {name!r}", f"{n}", f"plain"


def swap(a, b):
    a, b = b, a
    return a - b


def docstring(x):
    """Docstrings are expression statements."""
    pass
    return x


def dict_and_set_comprehensions(xs):
    d = {x: x * 2 for x in xs if x}
    s = {x + 1 for x in xs}
    return d, s, {1, xs}
