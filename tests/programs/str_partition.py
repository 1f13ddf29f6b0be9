# partition and rpartition return 3-tuples; an empty separator raises ValueError.


def main(argv):
    for s in ["key=value", "key=", "=value", "novalue", "a=b=c", ""]:
        print(s.partition("="), s.rpartition("="))
        head, sep, tail = s.partition("=")
        print(repr(head), repr(sep), repr(tail))
    print("a\u20acb\u20acc".partition("\u20ac"), "a\u20acb\u20acc".rpartition("\u20ac"))
    print("path/to/file.txt".rpartition("/")[2], "path/to/file.txt".rpartition(".")[0])
    t = "x::y".partition("::")
    print(t[0] + t[2], len(t))
    try:
        "abc".partition("")
    except ValueError as e:
        print("ValueError:", e)
    try:
        "abc".rpartition("")
    except ValueError as e:
        print("ValueError:", e)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
