# Printing a list uses repr() of its strs: quotes and escapes.


def main(argv):
    print(["it's"])
    print(['say "hi"'])
    print(["both ' and \""])
    print(["back\\slash"])
    print(["tab\there", "new\nline", "cr\r"])
    print(["", " ", "  "])
    print(["\x01", "\x7f"])
    print(["caf\u00e9", "\u00fcber"])
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
