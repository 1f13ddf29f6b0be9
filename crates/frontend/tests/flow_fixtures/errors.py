def unsupported(x):
    with open(x) as f:
        pass
    import os
    def inner():
        pass
    y = lambda: 1
    yield x


def more_unsupported(x, *args, k=1, **kw):
    nonlocal_thing = {1, *x}
    z = [*x]
    a = x @ x
    f(*x)
    f(**x)
    raise ValueError from x


def globals_assigned(x):
    global counter
    counter = x
    counter += 1


def unbound():
    return y
    y = 1


def unbound2(c):
    if c:
        pass
    return z + 1
    z = 0


def big_literal():
    return 123456789012345678901234567890


def bad_except(f, cls):
    try:
        f()
    except cls:
        pass


def misc_refusals(d):
    del d
    x = ...
    return {**d}, (k for k in d), f"{d:{d}}"


def bare_raise():
    raise


def except_name_unbound(f):
    try:
        f()
    except ValueError as e:
        pass
    return e


def no_cascade(x, *rest):
    import os
    with open(x) as fh:
        data = fh.read()
    return os, fh, data, rest
