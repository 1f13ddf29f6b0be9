# int() and float() error cases and extremes: 64-bit bounds, signs, bases, infinities.


def p(s):
    try:
        print("ok", int(s))
    except ValueError as e:
        print("ValueError", e)
    except OverflowError:
        print("overflow")


def q(s):
    try:
        print("ok", float(s))
    except ValueError as e:
        print("ValueError", e)


def main(argv):
    p("-9223372036854775808")
    p("0000000000000000000000000001")
    p("1" + "0" * 18)
    p(" \t\n 5 \r\n")
    p("5 5")
    p("٣")
    p("-")
    p("+")
    p("1e3")
    p("0b1")
    p("1_2_3")
    p("12_")
    q("  -1.5e-3  ")
    q("1e")
    q("infinity")
    q("-nan")
    q("1.2.3")
    q("")
    q("1_000.000_1")
    q("0000.5")
    q("1E+2")
    q("+inf")
    q("infinit")
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
