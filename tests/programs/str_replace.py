# str.replace with and without a count, empty needles, and wide characters.


def main(argv):
    s = "one two one two one"
    print(s.replace("one", "1"))
    print(s.replace("one", "1", 2))
    print(s.replace("one", "1", 0))
    print(s.replace("one", "1", -1))
    print(s.replace("zzz", "1"))
    print(s.replace(" ", ""))
    print("abc".replace("", "-"))
    print("abc".replace("", "-", 2))
    print("".replace("", "x"))
    print("".replace("a", "x"))
    print("aaaa".replace("aa", "b"))
    print("aaa".replace("a", "aa"))
    print("caf\u00e9".replace("\u00e9", "e\u0301"))
    print("x\u20acy\u20ac".replace("\u20ac", "EUR"))
    print("EUR".replace("EUR", "\u20ac"))
    print("tab\there".replace("\t", "    "))
    text = "the cat sat on the mat"
    for old, new in [("the", "a"), ("at", "og"), ("t", "")]:
        text = text.replace(old, new)
        print(text)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
