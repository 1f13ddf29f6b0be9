# %s, %r and %a of strs and other values, with widths and precisions; single values.


class Point(object):
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __str__(self):
        return "(%d, %d)" % (self.x, self.y)

    def __repr__(self):
        return "Point(%d, %d)" % (self.x, self.y)


def main(argv):
    for s in ["", "a", "hello", "caf\u00e9", "\u20ac\U0001f600", "it's", 'say "hi"']:
        print("[%s] [%r] [%a] [%8s] [%-8s] [%.2s] [%8.3s] [%-6.1r]" % (s, s, s, s, s, s, s, s))
    print("%s" % "single")
    print("%r" % "single")
    print("%s|%s|%s|%s" % (None, True, 42, 2.5))
    print("%r|%r|%r" % (None, False, -7))
    print("%s %s" % ([1, 2], ["a", "b"]))
    print("%r" % ([1.5, -0.0],))
    print("%s %r" % ((1, "x"), (2, "y")))
    p = Point(3, 4)
    print("%s %r [%12s]" % (p, p, p))
    name = "world"
    print("hello, %s!" % name)
    print("%5s|%-5s|%c" % ("ab", "cd", "Z"))
    maybe = None
    if len(argv) > 1:
        maybe = argv[1]
    print("%s" % maybe)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
