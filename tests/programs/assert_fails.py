# A failing assert raises AssertionError: exit status 1.


def main(argv):
    x = 3
    assert x == 3
    print("first assert passed")
    assert x > 1, "x should be greater than 1"
    print("second assert passed")
    assert x > 10, "x is too small"
    print("not reached")
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
