# str.count: non-overlapping matches, empty needles, start/end bounds.


def main(argv):
    s = "banana bandana"
    for sub in ["a", "an", "ana", "", "z", "banana bandana", " "]:
        print(repr(sub), s.count(sub))
    for a in [-100, -3, 0, 2, 7, 14, 15, 99]:
        print(a, s.count("a", a), s.count("", a), s.count("an", 0, a), s.count("", a, 5))
    print("aaaa".count("aa"), "".count(""), "".count("a"), "abc".count("", 1, 2))
    print("\u20ac\u20ac\u20ac".count("\u20ac"), "caf\u00e9 caf\u00e9".count("\u00e9 "))
    text = "it was the best of times it was the worst of times"
    for w in ["it", "the", "times", "was"]:
        print(w, text.count(w))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
