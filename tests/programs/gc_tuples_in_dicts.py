# GC: tuples holding references (instances, strs, lists) stored as dict values and
# keys, and in lists; rebuilt many times while old ones are dropped; checked at the end.


class Point(object):
    def __init__(self, x, y):
        self.x = x
        self.y = y


def churn(n):
    t = 0
    for i in range(n):
        pair = (Point(i, -i), "p" + str(i & 7))
        t += pair[0].x & 1 + len(pair[1])
    return t


def main(argv):
    table = {}
    by_pos = {}
    history = []
    for rnd in range(10):
        for i in range(700):
            name = "n" + str(i % 350)
            p = Point(i * rnd, i + rnd)
            table[name] = (p, name + str(rnd), [rnd, i])        # a tuple value
            by_pos[(i % 50, rnd % 3)] = (Point(rnd, i), i)      # a tuple key and value
        history.append((rnd, table["n7"]))
        print("churn", rnd, churn(15000))
        t = 0
        for name, val in table.items():
            p, label, lst = val
            t = (t * 31 + p.x + p.y + len(label) + lst[0] + lst[1] + len(name)) & 0xffffffff
        u = 0
        for key, val in by_pos.items():
            a, b = key
            q, n = val
            u = (u * 17 + a * 3 + b + q.x + q.y + n) & 0xffffffff
        print("round", rnd, len(table), len(by_pos), t, u)
    s = 0
    for rnd, val in history:
        p, label, lst = val
        s += rnd + p.x + p.y + len(label) + lst[1]
    print("history:", len(history), s)
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
