# and/or return one of their operands; not, bool() and truthiness of every kind of value.


def pick(a, b):
    return a or b


def both(a, b):
    return a and b


def spick(a, b):
    return a or b


def sboth(a, b):
    return a and b


def fpick(a, b):
    return a or b


def fboth(a, b):
    return a and b


def main(argv):
    print(pick(0, 5), pick(3, 5), both(0, 5), both(3, 5))
    print(spick("", "x"), spick("y", "x"), sboth("", "x"), sboth("y", "x"))
    print(fpick(0.0, 2.5), fboth(-0.0, 2.5), fpick(float("nan"), 1.0))
    print(not 0, not "", not 0.0, not -0.0, not None, not [], not [0])
    x = 0
    y = x or 7
    z = x and 7
    print(y, z, 1 and 2 and 3, 0 or 0 or 9, 1 or (1 // 0), 0 and (1 // 0))
    print(bool(-0.0), bool(float("nan")), bool([]), bool([0]), bool(" "), bool(None))
    n = 0
    for i in range(10):
        if i > 2 and i < 7 or i == 9:
            n += 1
        if not (i % 2 or i % 3):
            n += 100
    print(n)
    lst = []
    print(lst or [1], [2] or lst, lst and [1])
    print(True == 1, True is True, False < True, max(True, False), min(True, False), abs(True), -False)
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
