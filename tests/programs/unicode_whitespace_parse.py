# int() and float() strip all Unicode whitespace and accept Unicode digits.


def pi(s):
    try:
        return int(s)
    except ValueError:
        return -1


def pf(s):
    try:
        return float(s)
    except ValueError:
        return -1.5


def main(argv):
    spaces = ["\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x1f", "\x85", "\xa0", "\u1680", "\u2000", "\u2007", "\u200a", "\u2028", "\u2029", "\u202f", "\u205f", "\u3000", "\u200b", "\ufeff", "\x00"]
    for sp in spaces:
        print(len(sp), pi(sp + "42" + sp), pf(sp + "2.5" + sp))
    print(pi("\uff11\uff12"), pi("\u0663\u0664"), pi("\u09e7"), pi("²"), pi("Ⅻ"), pi("𝟗"))
    print(pf("\uff11.\uff15"), pf("\u0661e\u0662"), pf("１_０"), pf("٫5"))
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
