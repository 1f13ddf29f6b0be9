# startswith / endswith: plain, with tuples of candidates, and with start/end bounds.


def main(argv):
    s = "hello world"
    print(s.startswith("hello"), s.startswith("world"), s.startswith(""))
    print(s.endswith("world"), s.endswith("hello"), s.endswith(""))
    print(s.startswith(("x", "he")), s.startswith(("x", "y")))
    print(s.endswith(("ld", "zz")), s.endswith(("a",)))
    for start in [-20, -5, 0, 3, 6, 11, 12, 50]:
        print(start, s.startswith("world", start), s.endswith("lo", 0, start),
              s.startswith("", start), s.endswith("", start, 4))
    print(s.startswith("o", 4, 5), s.startswith("o w", 4, 6))
    print("".startswith(""), "".endswith("a"), "a".startswith("ab"))
    print("\u00e9t\u00e9".startswith("\u00e9"), "x\u20ac".endswith("\u20ac"))
    names = ["test_a.py", "b.txt", "test_c.txt", "d.py"]
    for n in names:
        if n.startswith("test_") and n.endswith((".py", ".pyw")):
            print("test module", n)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
