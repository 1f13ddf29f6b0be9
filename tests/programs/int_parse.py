# int() of strs (whitespace, signs, leading zeros), of floats (truncation) and of bools.


def parse_or_default(s, default):
    try:
        return int(s)
    except ValueError:
        print("  not an int:", "[" + s + "]")
        return default


def main(argv):
    print(int("42"), int(" -7 "), int("+5"), int("0"), int("-0"), int("007"))
    print(int("\t12\n"), int("  +0  "), int("9223372036854775807"))
    print(int("-9223372036854775808"))
    print(int(3.9), int(-3.9), int(0.5), int(-0.5), int(-0.0), int(1e18), int(2.0 ** 62))
    print(int(True), int(False), int(7))
    for s in ["12", "abc", "", " ", "1.5", "12a", "- 3", "--3", "+", "0x10", "1e3", "3 4"]:
        print(s, "->", parse_or_default(s, -1))
    total = 0
    for word in ["10", "20", "-5", "x", "100"]:
        total = total + parse_or_default(word, 0)
    print("total", total)
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
