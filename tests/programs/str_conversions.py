# str() of ints, floats, bools and strs.


def main(argv):
    print(str(0), str(-17), str(9223372036854775807), str(-9223372036854775807 - 1))
    print(str(3.0), str(-2.5), str(0.1), str(1e16), str(1.5e-07), str(-0.0))
    print(str(float('inf')), str(float('nan')), str(1 / 3))
    print(str(True), str(False), str("text"), str(""))
    n = 1234567
    s = str(n)
    print(s, len(s), s[0], s[-1])
    total = 0
    for i in range(len(s)):
        total = total + int(s[i])
    print("digit sum", total)
    print(str(2 ** 40) + str(2 ** 20))
    print(len(str(-1)), len(str(0.5)))
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
