# find, rfind, index, rindex: bounds, negative and out-of-range indices, empty needles.


def main(argv):
    s = "abracadabra"
    for sub in ["a", "bra", "z", "", "abracadabra", "abracadabrax"]:
        print(repr(sub), s.find(sub), s.rfind(sub))
    bounds = [-100, -4, -1, 0, 1, 5, 11, 12, 100]
    for a in bounds:
        print(a, s.find("a", a), s.rfind("a", a), s.find("", a), s.rfind("", a))
        for b in [-2, 3, 100]:
            print(" ", b, s.find("bra", a, b), s.rfind("a", a, b), s.find("", a, b))
    print(s.index("c"), s.rindex("a"), s.index("a", 1), s.rindex("b", 0, 5))
    for sub in ["q", "ra"]:
        try:
            print(s.index(sub, 10))
        except ValueError as e:
            print("index:", e)
        try:
            print(s.rindex(sub, 0, 2))
        except ValueError as e:
            print("rindex:", e)
    w = "na\u00efve caf\u00e9 \u20ac5"
    print(w.find("\u00e9"), w.find("\u20ac"), w.rfind("a"), w.find("\U0001f600"))
    print("".find(""), "".find("a"), "".rfind(""))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
