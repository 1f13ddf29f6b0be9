# zfill, ljust, rjust and center (CPython's rounding), fill characters and widths.


def main(argv):
    for s in ["", "a", "ab", "abc", "-42", "+7", "\u00e9\u20ac"]:
        for w in [-1, 0, 1, 4, 5, 8]:
            print(repr(s.zfill(w)), repr(s.ljust(w)), repr(s.rjust(w, "*")),
                  repr(s.center(w)), repr(s.center(w, "\u2022")))
    print("42".zfill(6), "-42".zfill(6), "+-3".zfill(5), "--".zfill(4))
    for s in ["x", "xy"]:
        for w in range(1, 8):
            print("[" + s.center(w, ".") + "]")
    try:
        "a".center(5, "ab")
    except TypeError as e:
        print("TypeError:", e)
    try:
        "a".ljust(5, "")
    except TypeError as e:
        print("TypeError:", e)
    header = ["name", "qty", "price"]
    print("|".join([header[0].ljust(10), header[1].rjust(5), header[2].center(9)]))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
