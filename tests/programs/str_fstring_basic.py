# f-strings: conversions !r !s !a, expressions, braces, nested quotes, many pieces.


class Item(object):
    def __init__(self, name):
        self.name = name

    def __str__(self):
        return "Item " + self.name

    def __repr__(self):
        return "Item(" + repr(self.name) + ")"


def main(argv):
    x = 42
    s = "caf\u00e9"
    f = 0.1
    print(f"{x} {s} {f}")
    print(f"{x!r} {s!r} {s!s} {s!a} {f!r}")
    print(f"{{literal}} {x}{{}}")
    print(f"{x + 1} {x * 2} {len(s)} {s.upper()} {s[1:3]}")
    print(f"{'quoted'} {x > 40} {None} {[1, 2]} {(1, 'a')}")
    it = Item("book")
    print(f"{it} {it!r} {it!s}")
    parts = [1.0, 2.5, -3.0]
    print(f"{parts}")
    print(f"a{x}b{x}c{x}d{x}e{x}f")
    print(f"")
    print(f"{s:}")
    n = 0
    for i in range(3):
        print(f"row {i}: {i * i} {'even' if i % 2 == 0 else 'odd'}")
        n += i
    print(f"{n=}")
    name = "\u20ac\U0001f600"
    print(f"{name!a}")
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
