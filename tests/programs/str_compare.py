# str comparison is lexicographic by code point.


def cmp_all(a, b):
    print(repr_ish(a), repr_ish(b), a == b, a != b, a < b, a <= b, a > b, a >= b)


def repr_ish(s):
    return "'" + s + "'"


def main(argv):
    cmp_all("a", "b")
    cmp_all("abc", "abd")
    cmp_all("ab", "abc")
    cmp_all("abc", "ab")
    cmp_all("", "a")
    cmp_all("", "")
    cmp_all("Z", "a")
    cmp_all("10", "9")
    cmp_all("same", "same")
    cmp_all("apple", "Apple")
    cmp_all(" ", "!")
    cmp_all("\u00e9", "z")
    words = ["pear", "apple", "fig", "banana", "Cherry"]
    smallest = words[0]
    for w in words:
        if w < smallest:
            smallest = w
    print("smallest", smallest)
    print(min("b", "a", "c"), max("b", "a", "c"), min(words), max(words))
    x = "ab"
    y = "a"
    y = y + "b"
    print(x == y, x is not None)
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
