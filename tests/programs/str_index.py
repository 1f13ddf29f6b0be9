# Indexing a str gives a one-character str; negative indices count from the end.


def reverse(s):
    out = ""
    i = len(s) - 1
    while i >= 0:
        out = out + s[i]
        i -= 1
    return out


def count_char(s, c):
    n = 0
    for i in range(len(s)):
        if s[i] == c:
            n += 1
    return n


def is_palindrome(s):
    i = 0
    j = len(s) - 1
    while i < j:
        if s[i] != s[j]:
            return False
        i += 1
        j -= 1
    return True


def main(argv):
    s = "hello, world"
    print(s[0], s[4], s[-1], s[-12], len(s))
    print(reverse(s), reverse(""), reverse("a"))
    print(count_char(s, "o"), count_char(s, "l"), count_char(s, "z"))
    for w in ["racecar", "level", "rpython", "", "x", "abba", "abca"]:
        print(w, is_palindrome(w))
    digits = "0123456789"
    line = ""
    for i in range(-1, -11, -1):
        line = line + digits[i]
    print(line)
    print(s[7] + s[8] + s[9] + s[10] + s[11])
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
