# Passing asserts have no effect; an AssertionError can be caught.


def checked_sqrt(n):
    assert n >= 0, "negative input"
    r = 0
    while (r + 1) * (r + 1) <= n:
        r += 1
    return r


def main(argv):
    for n in [0, 1, 15, 16, 17, 1000000]:
        print(n, checked_sqrt(n))
    assert len(argv) == 3
    assert "alpha" in argv
    try:
        checked_sqrt(-1)
    except AssertionError:
        print("caught AssertionError")
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
