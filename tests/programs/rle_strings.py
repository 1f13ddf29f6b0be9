# Run-length encoding and decoding of strs, digit parsing by comparison.


def encode(s):
    out = ""
    i = 0
    while i < len(s):
        j = i
        while j < len(s) and s[j] == s[i]:
            j += 1
        out = out + str(j - i) + s[i]
        i = j
    return out


def decode(s):
    out = ""
    n = 0
    for c in s:
        if "0" <= c <= "9":
            n = n * 10 + int(c)
        else:
            out = out + c * n
            n = 0
    return out


def main(argv):
    for s in ["", "a", "aaabccdddd", "abc", "zzzzzzzzzzzz", "ééé😀😀", "aAaA", "1122"]:
        e = encode(s)
        d = decode(e)
        print(len(s), e, d == s)
    print(decode("3x0y2z"), decode("10-"), decode("x"))
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
