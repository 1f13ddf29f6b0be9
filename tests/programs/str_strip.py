# strip, lstrip and rstrip, with and without a set of characters.


def main(argv):
    samples = ["", "   ", "  hi  ", "\t\nhi\r\n", "xxhixx", "hi", "\u3000wide\u3000", "\x85a\xa0"]
    for s in samples:
        print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()))
        print(repr(s.strip("x")), repr(s.lstrip("xh")), repr(s.rstrip("ix")))
        print(repr(s.strip(None)), repr(s.strip("")))
    print(repr("www.example.com".strip("cmowz.")))
    print(repr("  spacious  ".lstrip()), repr("  spacious  ".rstrip()))
    print(repr("#### title ####".strip("# ")))
    print(repr("\u00e9\u00e9abc\u00e9".strip("\u00e9")))
    print(repr("\u20acabc\u20ac".rstrip("\u20ac")))
    line = "   key = value   "
    k, _, v = line.partition("=")
    print(repr(k.strip()), repr(v.strip()))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
