# A list default argument is created once and shared by the calls that do not pass it.


def collect(x, acc=[]):
    acc.append(x)
    return len(acc)


def label(n, prefix="item-", suffix=""):
    s = prefix + str(n)
    if suffix != "":
        s = s + suffix
    return s


def main(argv):
    print(collect(1), collect(2), collect(3, []), collect(4))
    mine = [9]
    print(collect(5, mine), mine)
    print(label(1), label(2, "x"), label(3, suffix="!"), label(4, "", "?"))
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
