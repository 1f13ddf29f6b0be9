# Building strs in loops: number formatting by hand, padding, joining.


def to_binary(n):
    if n == 0:
        return "0"
    neg = n < 0
    if neg:
        n = -n
    out = ""
    while n > 0:
        out = str(n % 2) + out
        n = n // 2
    if neg:
        out = "-" + out
    return out


def to_hex(n):
    digits = "0123456789abcdef"
    if n == 0:
        return "0x0"
    out = ""
    while n > 0:
        out = digits[n % 16] + out
        n = n // 16
    return "0x" + out


def pad_left(s, width):
    while len(s) < width:
        s = " " + s
    return s


def join(words, sep):
    out = ""
    first = True
    for w in words:
        if not first:
            out = out + sep
        out = out + w
        first = False
    return out


def main(argv):
    for n in [0, 1, 5, 255, -6, 1024, 9223372036854775807]:
        print(pad_left(str(n), 20), pad_left(to_binary(n), 64), to_hex(abs(n)))
    parts = []
    for i in range(1, 6):
        parts.append(str(i * i))
    print(join(parts, ", "))
    print(join([], "-"), join(["only"], "-"))
    table = ""
    for i in range(1, 4):
        row = ""
        for j in range(1, 4):
            row = row + pad_left(str(i * j), 4)
        table = table + row + "\n"
    print(table)
    s = ""
    for i in range(1000):
        s = s + "ab"
    print(len(s), s[0], s[-1], s[999])
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
