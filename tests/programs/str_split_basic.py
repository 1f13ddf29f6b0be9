# str.split and str.rsplit: whitespace splitting, separators, maxsplit, edge cases.


def show(parts):
    print(len(parts), parts)


def main(argv):
    samples = ["", "   ", "a", " a ", "a b  c", "\ta\nb\r\nc  ", "one,two,,three,", ",", "a--b--c"]
    for s in samples:
        show(s.split())
        show(s.rsplit())
        for m in [-1, 0, 1, 2]:
            show(s.split(None, m))
            show(s.rsplit(None, m))
    for s in ["one,two,,three,", ",", "", "a,b", ",,,"]:
        show(s.split(","))
        show(s.rsplit(","))
        show(s.split(",", 1))
        show(s.rsplit(",", 1))
        show(s.split(",", 0))
    show("a--b--c".split("--"))
    show("a--b--c".rsplit("--", 1))
    show("aaa".split("aa"))
    show("aaa".rsplit("aa"))
    show("x y z".split(sep=" "))
    show("x y z".split(maxsplit=1))
    show("x y z".rsplit(" ", maxsplit=1))
    words = "the quick  brown\tfox".split()
    total = 0
    for w in words:
        total += len(w)
    print(total, words[-1])
    try:
        "abc".split("")
    except ValueError as e:
        print("ValueError:", e)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
