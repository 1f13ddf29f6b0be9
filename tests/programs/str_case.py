# Case mappings: lower, upper, swapcase, capitalize, title, with Unicode special cases.


def main(argv):
    samples = ["", "hello World", "HELLO", "123abc", "stra\u00dfe", "\u0130stanbul",
               "\u039f\u0394\u03a5\u03a3\u03a3\u0395\u03a5\u03a3", "\u03a3", "a\u03a3 b\u03a3c",
               "\u01c6ungla", "\ufb01sh", "it's o'neil", "hello_world-foo bar", "\u00e9COLE"]
    for s in samples:
        print(repr(s.lower()), repr(s.upper()))
        print(repr(s.swapcase()), repr(s.capitalize()), repr(s.title()))
    print("MiXeD".lower() == "mixed", "abc".upper() == "ABC")
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
