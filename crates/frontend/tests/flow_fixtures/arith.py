def arith(a, b):
    c = a + b * 2 - -a
    d = (a // b) % 3 ** 2 / 1.5
    e = (a << 1) | (b >> 2) & ~a ^ +b
    return c, d, e


def literals():
    return [None, True, False, -9223372036854775808, 2.5, -0.5, "s", b"b"], {1: "x", 2: "y"}


def compares(a, b, c):
    return a < b, a <= b, a == b, a != b, a > b, a >= b, a is b, a is not b, a in c, a not in c, not a


def calls(f, x, obj):
    f(x, 1)
    f(x, key=2, other=x)
    obj.method(x).attr
    return len(x), obj[1], obj[1:], obj[:x:2], obj[x, 1]


def augmented(x, lst, obj, i):
    x += 1
    x -= 2
    x *= x
    lst[i + 1] += x
    obj.count <<= 1
    return x


def unpack(a, b, pair):
    a, b = b, a
    x, (y, z) = pair
    p = q = a
    return a, b, x, y, z, p, q


def globals_and_builtins():
    return DEBUG, N, NAME, RATE, MyError, os, len, calls, NotABuiltin


def store(obj, d, k, v):
    obj.field = v
    d[k] = v
    del d[k]
    d[k + 1] = obj.field
