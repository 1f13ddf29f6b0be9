# float() of very long, overflowing and underflowing digit strings; int/float/bool mixing.


def main(argv):
    print(float("9" * 400), float("-" + "9" * 400), float("0." + "0" * 400 + "1"))
    print(float("1" + "0" * 30), float("123456789" * 5), float("0.1" + "0" * 100 + "1"))
    print(float("2.4703282292062327e-324"), float("2.4703282292062328e-324"), float("1.7976931348623158e308"), float("1.7976931348623159e308"))
    print(int("  -0000012  "), int("+0"), str(-0), str(0.0), str(-1.0e-10))
    print(True == 1.0, True < 1.5, False == -0.0, 1.0 + True, True * 2.5)
    print(int("9223372036854775807") + 0, int("-9223372036854775807") - 1)
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
