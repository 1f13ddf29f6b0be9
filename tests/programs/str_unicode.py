# strs are sequences of code points: len and indexing count characters, not bytes.


def main(argv):
    s = "h\u00e9llo"
    print(s, len(s), s[1], s[-1])
    t = "\u65e5\u672c\u8a9e"
    print(t, len(t), t[0], t[2])
    e = "\U0001f600!"
    print(len(e), e[1])
    print(s + t, len(s + t))
    print("\u00e9" * 3, len("\u00e9" * 3))
    print("\u00e9" < "z", "\u00e9" > "e", "\u65e5" > "\u00e9")
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
