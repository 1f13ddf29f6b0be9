# Methods on strings that mix Latin-1 and wide characters: results switch kinds.


def main(argv):
    s = "na\u00efve \u20ac10 caf\u00e9 \U0001f600!"
    print(s.upper(), s.lower(), s.title(), len(s))
    print(s.split(), s.split("\u20ac"), s.partition(" "))
    print(s.find("\u20ac"), s.count("\u00e9"), s.replace("\u20ac", "EUR"))
    print(s[::-1], s[6:9], s.center(30, "\u00b7"))
    print(s.startswith("na\u00ef"), s.endswith("\U0001f600!"), s.isascii())
    narrow = s.replace("\u20ac", "E").replace("\U0001f600", ":)")
    print(narrow, narrow.isascii(), len(narrow))
    print("-".join([c for c in s if c.isalpha()]))
    print(repr(s), ascii(s))
    print(f"{s:>40}|{s:.5}|{s!a}")
    print("%s|%20s|%-20.6s|" % (s, "\u20ac", s))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
