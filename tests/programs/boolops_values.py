# and/or return one of their operands; not returns a bool; short-circuit evaluation.


def noisy(label, value):
    print("  eval", label)
    return value


def main(argv):
    print(0 or 5, 3 or 5, 0 or 0, 3 and 4, 0 and 4, 3 and 0)
    print("" or "x", "a" or "x", "a" and "", "" and "x", "a" and "b")
    print(not 0, not 7, not "", not "a", not [], not [1])
    print(True and False, True or False, not True, False or True and False)
    x = -1 or 99
    print(x)
    name = ""
    shown = name or "anonymous"
    print(shown)
    n = 0
    d = n or 10
    print(d)
    print("short circuit and:")
    r = noisy("left", 0) and noisy("right", 1)
    print(r)
    print("short circuit or:")
    r = noisy("left", 2) or noisy("right", 3)
    print(r)
    print("both:")
    r = noisy("a", 1) and noisy("b", 0) or noisy("c", 7)
    print(r)
    lst = [0, 1, 2]
    i = 5
    if i < len(lst) and lst[i] > 0:
        print("never")
    else:
        print("guarded index")
    a = 3
    b = 4
    print(a > 2 and b > 2, a > 3 or b > 3, not (a == b))
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
