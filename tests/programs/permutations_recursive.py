# Recursive generation of permutations into lists of strs; checks with counts.


def perms(s, prefix, out):
    if len(s) == 0:
        out.append(prefix)
        return
    for i in range(len(s)):
        rest = ""
        for j in range(len(s)):
            if j != i:
                rest = rest + s[j]
        perms(rest, prefix + s[i], out)


def is_sorted(words):
    for i in range(1, len(words)):
        if words[i - 1] > words[i]:
            return False
    return True


def main(argv):
    out = []
    perms("abcd", "", out)
    print(len(out), out[0], out[-1], out[11], is_sorted(out))
    dup = []
    perms("aab", "", dup)
    print(dup, is_sorted(dup))
    one = []
    perms("", "", one)
    print(one, len(one[0]))
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
