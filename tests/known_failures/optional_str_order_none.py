# Ordering a str that may be None: when it is None, CPython raises TypeError.


def pick(n):
    if n > 0:
        return "abc"
    return None


def main(argv):
    t = pick(1)
    print(t < "b", t > "ab", t <= "abc")
    s = pick(0)
    try:
        print(s < "b")
    except TypeError:
        print("TypeError for <")
    try:
        print("b" >= s)
    except TypeError:
        print("TypeError for >=")
    print(s == "b", s != "b")
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
