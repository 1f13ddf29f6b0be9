# float() of strs and ints.


def parse(s):
    try:
        return float(s)
    except ValueError:
        print("  not a float:", "[" + s + "]")
        return -1.0


def main(argv):
    print(float("2.5"), float(" 3.25 "), float("-1e3"), float("+2.5"), float(".5"), float("5."))
    print(float("1E5"), float("1e-5"), float("0"), float("-0"), float("007.50"))
    print(float("inf"), float("-inf"), float("Infinity"), float("nan"), float("-INF"))
    print(float("1e500"), float("-1e500"), float("1e-400"))
    print(float("0.1"), float("3.141592653589793"), float("123456789012345678901234567890"))
    print(float(7), float(-3), float(0), float(9007199254740992))
    for s in ["1.5", "abc", "", "1.5.2", "e5", "1e", "- 1", "0x1p3", "1,5"]:
        print(s, "->", parse(s))
    total = 0.0
    for s in ["0.1", "0.2", "0.3"]:
        total = total + float(s)
    print("total", total)
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
