# str.join over lists of strs, including empty lists, one item, and wide strings.


def main(argv):
    print("-".join(["a", "b", "c"]))
    print("".join(["x", "y"]))
    print(", ".join([]))
    print("|".join(["only"]))
    print("\u20ac".join(["1", "2", "3"]))
    print("+".join(["\u00e9", "\U0001f600", "z"]))
    parts = []
    for i in range(10):
        parts.append(str(i * i))
    print(" ".join(parts))
    print("".join([c for c in "hello" if c != "l"]))
    print("".join(c.upper() for c in "shout"))
    print("::".join("a b c".split()))
    print(len(",".join(["ab"] * 1000)))
    rows = [["1", "2"], ["3", "4"]]
    lines = []
    for r in rows:
        lines.append("\t".join(r))
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
