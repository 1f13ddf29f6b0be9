# splitlines with every line boundary CPython knows, with and without keepends.


def main(argv):
    samples = ["", "one", "one\n", "one\ntwo", "a\r\nb\rc\nd", "\n\n", "\r\n\r\n",
               "x\x0by\x0cz", "p\x1cq\x1dr\x1es", "u\x85v\u2028w\u2029x", "no break\ttab"]
    for s in samples:
        print(s.splitlines(), s.splitlines(True), s.splitlines(keepends=True))
    text = "first line\nsecond line\r\nthird"
    n = 0
    for line in text.splitlines():
        n += 1
        print(n, line.upper())
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
