# min() and max() of two or more arguments and of a list; ties keep the first argument.


def smallest_of(items):
    try:
        return min(items)
    except ValueError:
        print("  min() of an empty list")
        return 0


def main(argv):
    print(min(3, 1), max(3, 1), min(1, 3, 2), max(1, 3, 2), min(-5, -9, 0), max(-5, -9, 0))
    print(min(7, 7), max(4, 9, 9, 2), min(9223372036854775807, -9223372036854775807 - 1))
    print(min(2.5, -1.5), max(2.5, -1.5), min(1e308, float('inf')), max(-1e308, float('-inf')))
    print(min("pear", "apple", "fig"), max("pear", "apple", "fig"), min("", "a"), max("b", "ab"))
    print(min([4, 2, 8, 6]), max([4, 2, 8, 6]), min([5]), max([-3, -1, -2]))
    print(min(["x", "abc", "b"]), max(["x", "abc", "b"]), max(argv[1], argv[-1]))
    print(max(0.0, -0.0), max(-0.0, 0.0), min(0.0, -0.0), min(-0.0, 0.0))
    nan = float('nan')
    print(max(nan, 1.0), max(1.0, nan), min(nan, 1.0), min(1.0, nan))
    print(smallest_of([3, 1, 2]), smallest_of([]))
    lo = 100
    hi = -100
    for v in [17, -4, 56, 0, 23, -41, 8]:
        lo = min(lo, v)
        hi = max(hi, v)
        print(v, lo, hi)
    data = []
    for i in range(10):
        data.append((i * 37) % 11 - 5)
    print(data, min(data), max(data))
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
