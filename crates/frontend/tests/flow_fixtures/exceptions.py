def catch(f, x):
    try:
        y = f(x)
        z = y + 1
    except ValueError:
        return -1
    except (KeyError, MyError) as e:
        raise e
    else:
        z = z * 2
    return z


def with_finally(f, x):
    try:
        if x:
            return f(x)
        y = f(0)
    finally:
        x = 0
        cleanup(x)
    return y


def all_parts(f, x):
    try:
        r = f(x)
    except:
        r = 0
        raise
    else:
        r += 1
    finally:
        done()
    return r


def loop_finally(items):
    for it in items:
        try:
            if it:
                break
            use(it)
        finally:
            release(it)
    return 0


def raises(x):
    if x:
        raise ValueError
    raise MyError("bad", x)


def asserts(x):
    assert x
    assert x > 0, "x must be positive"
    return x


def nested_try(f):
    try:
        try:
            a = f(1)
        except KeyError:
            a = f(2)
    except Exception:
        a = 0
    return a
