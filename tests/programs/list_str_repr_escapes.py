# repr of strs inside printed lists: quotes, backslashes, control and non-ASCII characters.


def main(argv):
    print(["a'b", 'a"b', "a'b\"c", "back\\slash", "new\nline", "tab\t", "\x00", "\x7f", "é", "\u200b", "😀", "\r", "\x1b", "\xa0", "\u2028", "\ud7ff", ""])
    print(len(argv), argv[1], argv[-1])
    s = ""
    for i in range(0, 130, 7):
        s = s + "x"
    print([s])
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
