# Splitting on Unicode whitespace and separators, wide and narrow strings mixed.


def main(argv):
    s = "caf\u00e9\u3000na\u00efve\u00a0\u00fcber\x85end"
    print(s.split())
    print(len(s.split()))
    print("\u20ac1\u20ac2\u20ac".split("\u20ac"))
    print("a\u20acb".split("b"))
    print("\u00e9t\u00e9 \u00e9t\u00e9".split("\u00e9"))
    print("\U0001f600 x \U0001f600".split())
    print("\u2028a\u2029b".split())
    print("x\u200by".split())
    print("\u00e9\u00e9\u00e9".rsplit("\u00e9", 1))
    print("\u4e00\u4e8c\u4e09".split("\u4e8c"))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
