class P(object):
    def __init__(self, x):
        self.x = x
    def __repr__(self):
        return "P(" + str(self.x) + ")"

def divmod2(a, b):
    return a // b, a % b

def pairs(n):
    out = []
    for i in range(n):
        out.append((i, str(i * i)))
    return out

def main(argv):
    q, r = divmod2(17, 5)
    print(q, r)
    t = (1, "a", 2.5, True, None)
    print(t, len(t), t[1], t[-1])
    print((1,), ())
    for a, b in pairs(4):
        print(a, b)
    print(pairs(3))
    print([P(1), P(2)], (P(3), "x"))
    print((1, 2) == (1, 2), (1, 2) != (1, 3), (1, "a") == (1, "b"))
    nested = [[1, 2], [3]]
    print(nested, [(1, [2.5])])
    return 0

if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
