# Conversion to and from Roman numerals with parallel lists; round trip 1..3999.


def to_roman(n):
    values = [1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1]
    symbols = ["M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"]
    out = ""
    for i in range(len(values)):
        while n >= values[i]:
            out = out + symbols[i]
            n -= values[i]
    return out


def value_of(c):
    letters = ["I", "V", "X", "L", "C", "D", "M"]
    values = [1, 5, 10, 50, 100, 500, 1000]
    for i in range(len(letters)):
        if letters[i] == c:
            return values[i]
    raise ValueError("not a roman digit")


def from_roman(s):
    total = 0
    for i in range(len(s)):
        v = value_of(s[i])
        if i + 1 < len(s) and v < value_of(s[i + 1]):
            total -= v
        else:
            total += v
    return total


def main(argv):
    for n in [1, 4, 9, 14, 40, 90, 400, 1994, 2024, 3999]:
        r = to_roman(n)
        print(n, r, from_roman(r))
    bad = 0
    longest = ""
    for n in range(1, 4000):
        r = to_roman(n)
        if from_roman(r) != n:
            bad += 1
        if len(r) > len(longest):
            longest = r
    print("round trip failures", bad, "longest", longest, len(longest))
    try:
        from_roman("XIZ")
    except ValueError:
        print("rejected XIZ")
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
