def temps_in_try(f, g, x, y):
    try:
        r = f(g(x), y + 1, x and y)
    except ValueError:
        r = None
    return r


def continue_finally(n):
    i = 0
    while 1:
        i += 1
        try:
            if i < n:
                continue
            break
        finally:
            log(i)
    return i


def return_in_except(f):
    try:
        try:
            return f()
        except KeyError as e:
            return e
    finally:
        log(0)


def break_in_finally(items):
    for x in items:
        try:
            work(x)
        finally:
            break
    return 1


def comp_in_try(xs):
    try:
        ys = [x + 1 for x in xs]
    except IndexError:
        ys = []
    return ys


def items_loop(d):
    for k, v in d.items():
        last = k
    return last


def subscript_aug_in_try(a, i):
    try:
        a[i] += 1
    except IndexError:
        pass


def shadow_builtin(len, x):
    return len(x), sum(y for y in x)


def try_else_finally(f):
    try:
        x = f()
    except ValueError:
        x = 0
    else:
        x = x + 1
    finally:
        f()
    return x


def finally_read(f, orig):
    try:
        saved = f(orig)
    finally:
        f(saved)
