# raise ValueError(...) in a callee, caught by a caller further up.


def check_positive(n):
    if n <= 0:
        raise ValueError("not positive")
    return n


def parse_all(words):
    total = 0
    for w in words:
        total = total + check_positive(int(w))
    return total


def safe_parse_all(words):
    try:
        return parse_all(words)
    except ValueError:
        print("  rejected", words)
        return -1


def main(argv):
    print(safe_parse_all(["1", "2", "3"]))
    print(safe_parse_all(["1", "-2", "3"]))
    print(safe_parse_all(["1", "x", "3"]))
    print(safe_parse_all([]))
    try:
        check_positive(0)
        print("not reached")
    except ValueError:
        print("caught directly")
    try:
        raise IndexError("by hand")
    except IndexError:
        print("caught a hand-raised IndexError")
    try:
        raise ZeroDivisionError
    except ZeroDivisionError:
        print("caught a class raised without arguments")
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
