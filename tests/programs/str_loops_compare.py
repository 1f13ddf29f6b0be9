# Building, reversing and comparing strs in loops; str min/max; in on a list of strs.


def rev(s):
    out = ""
    i = len(s) - 1
    while i >= 0:
        out = out + s[i]
        i -= 1
    return out


def count(s, ch):
    n = 0
    for c in s:
        if c == ch:
            n += 1
    return n


def biggest(words):
    best = ""
    for w in words:
        if w > best:
            best = w
    return best


def main(argv):
    s = ""
    for i in range(12):
        s += str(i % 10)
    print(s, len(s), rev(s), count(s, "1"))
    print(biggest(["apple", "Apple", "apples", "b", "", "a" * 3]))
    print("a" < "b", "a" < "ab", "" < "a", "Z" < "a", "abc" <= "abc", "abd" > "abc")
    print("x" * 0 == "", "x" * -3, ("ab" * 3)[-1], "é" < "z", "é" > "z")
    print(min("b", "a", "c"), max("b", "a", "c"), min("zz", "z"))
    words = ["one", "two", "three"]
    line = ""
    for w in words:
        if line != "":
            line = line + ","
        line = line + w
    print(line)
    print("two" in words, "four" in words, "" in words)
    t = "abc"
    print(t[0] + t[-1] + t[1] * 2, t == "ab" + "c", t != "abc")
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
