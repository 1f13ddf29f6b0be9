# assert on lists, strs, floats (nan, -0.0) and None, with and without messages; while on ints.


def check(kind):
    lst = []
    try:
        if kind == 0:
            assert lst, "empty list"
        elif kind == 1:
            assert [0]
            assert "0", "str zero is true"
            assert -0.0, "negative zero"
        elif kind == 2:
            assert float("nan"), "nan is true"
            assert "", "empty str " + str(kind)
        elif kind == 3:
            assert None
        else:
            assert kind, "never"
        return "passed"
    except AssertionError as e:
        return "failed: " + str(e)


def main(argv):
    for k in range(5):
        print(k, check(k))
    n = 3
    out = []
    while n:
        out.append(n)
        n -= 1
    print(out)
    s = "abc"
    while s != "" and s:
        s = ""
    print(len(s))
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
