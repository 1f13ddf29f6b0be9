# strs containing NUL characters keep their length, compare and print correctly.


def main(argv):
    s = "a\x00b"
    t = "a\x00c"
    print(len(s), s < t, s == "a", s[2], s + t == "a\x00ba\x00c", len(s * 3))
    print(s)
    print([s])
    u = ""
    for c in s:
        u = c + u
    print(len(u), u == "b\x00a")
    print(int("\x00" == "\x00"), "\x00" < "", "" < "\x00", "\x00" in s)
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
