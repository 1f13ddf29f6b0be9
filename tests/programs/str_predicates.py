# The is... predicates on ASCII, Latin-1 and wide strings, including the empty string.


def flags(s):
    out = []
    for ok in [s.isdigit(), s.isalpha(), s.isalnum(), s.isspace(), s.isupper(),
               s.islower(), s.isdecimal(), s.isnumeric(), s.istitle(), s.isascii()]:
        out.append("1" if ok else "0")
    return "".join(out)


def main(argv):
    samples = ["", "123", "abc", "ABC", "Abc", "abc123", " ", " \t\n", "\u3000", "a b",
               "\u00b2", "\u0663\u0664", "\u2167", "\u00bd", "\u00e9", "\u00c9T\u00c9",
               "Hello World", "Hello world", "\u01c5ungla", "\u4e00", "1.5", "-1", "ABC1",
               "abc!", "\U0001f600", "\u0345", "Title Case String"]
    for s in samples:
        print(repr(s), flags(s))
    count = 0
    for c in "Hello, World 2024!":
        if c.isalpha():
            count += 1
    print(count)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
