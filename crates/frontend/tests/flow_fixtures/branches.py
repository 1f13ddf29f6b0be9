def sign(x):
    if x > 0:
        return 1
    elif x < 0:
        return -1
    else:
        return 0


def merge(x):
    if x:
        y = 1
    else:
        y = 2
    return y


def maybe_unbound(x):
    if x:
        y = 1
    return y


def folding(x):
    if DEBUG:
        x = x + 1
    if not DEBUG:
        x = x + 2
    if 0:
        x = x + 3
    if N:
        x = x + 4
    return x


def conditions(a, b, c):
    if a and b or not c:
        return 1
    if isinstance(a, int) and hasattr(a, "x"):
        return 2
    return 3


def values(a, b, c):
    x = a and b
    y = a or b or c
    z = a and DEBUG
    w = N or a
    return x, y, z, w


def chained(a, b, c, d):
    if a < b < c:
        return 1
    return a <= b == c != d


def ifexp(a, b):
    return a if a > b else b
