# int() and float() of odd strings (signs, underscores, spaces, Unicode digits), str() of floats and others.


def tryint(s):
    try:
        return int(s)
    except ValueError:
        return -999


def tryfloat(s):
    try:
        return float(s)
    except ValueError:
        return -999.5


def main(argv):
    for s in ["  12  ", "+5", "-0", "0x10", "1_000", "1__0", "_1", "007", "", " ", "1.0", "١٢", "\t-3\n", "+-1", "9223372036854775807"]:
        print(s, tryint(s))
    for s in ["1e5", " 2.5 ", "inf", "-Infinity", "nan", "1e400", "-1e400", "1e-400", ".5", "5.", "1_0.5", "e5", "0x1p3", "+.e1", "-0.0", "NaN", "iNF"]:
        print(s, tryfloat(s))
    print(int(2.9), int(-2.9), int(-0.5), int(1e18), int(-1e18))
    print(float(3), float(-0), float(True), int(True), int(False))
    print(str(1e16), str(1e15), str(0.1 + 0.2), str(1/3), str(-0.0), str(1e-5), str(0.0001))
    print(str(True), str(None), str(12345678901234567))
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
