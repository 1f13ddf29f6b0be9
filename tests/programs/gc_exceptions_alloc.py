# GC: exceptions with attributes (instances, strs, lists) allocated, raised and caught
# in loops; some caught exceptions kept in a list; tracebacks crossing frames.


class AppError(Exception):
    def __init__(self, code, detail, payload):
        self.code = code
        self.detail = detail
        self.payload = payload


class ParseError(AppError):
    pass


class Payload(object):
    def __init__(self, n):
        self.n = n
        self.items = [n, n + 1, n + 2]


def parse(i):
    if i % 3 == 0:
        raise ParseError(i, "bad token " + str(i), Payload(i))
    if i % 5 == 0:
        raise AppError(i * 2, "odd " + str(i), Payload(-i))
    if i % 7 == 0:
        raise ValueError("plain " + str(i))
    return i


def layer(i, depth):
    if depth == 0:
        return parse(i)
    return layer(i, depth - 1) + 1


def main(argv):
    kept = []
    total = 0
    parse_errors = 0
    app_errors = 0
    values = 0
    for i in range(60000):
        try:
            total += layer(i, i % 4)
        except ParseError as e:
            parse_errors += 1
            total += e.code + len(e.detail) + e.payload.items[2]
            if i % 2000 == 0:
                kept.append(e)
        except AppError as e:
            app_errors += 1
            total += e.code - len(e.detail) + e.payload.n
        except ValueError as e:
            values += 1
            total += len(str(e))
        total &= 0xffffffffffff
    print("total:", total, parse_errors, app_errors, values)
    s = 0
    for e in kept:
        s += e.code + len(e.detail) + e.payload.n + len(e.payload.items)
    print("kept:", len(kept), s)
    # exceptions whose payload grows: a list inside the exception keeps young objects
    err = AppError(0, "growing", Payload(0))
    for i in range(2000):
        try:
            err.payload.items.append(i)
            if i % 100 == 99:
                raise err
        except AppError as e:
            e.code += 1
            e.payload = Payload(e.code)
    print("growing:", err.code, len(err.payload.items), err.payload.n)
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
