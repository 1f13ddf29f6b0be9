# An exception inside a list comprehension propagates; nested and filtered comprehensions.


def inv(x):
    return 100 // x


def main(argv):
    try:
        r = [inv(x) for x in [5, 2, 0, 1]]
        print(r)
    except ZeroDivisionError as e:
        print("comp raised", e)
    data = ["1", "2", "x", "4"]
    good = []
    for s in data:
        try:
            good.append(int(s))
        except ValueError:
            good.append(-1)
    print(good)
    print([len(w) for w in ["", "ab", "cde"] if len(w) != 2])
    m = [[i * j for j in range(3)] for i in range(3)]
    print(len(m), m[2][2], m[1])
    flat = [v for row in m for v in row if v % 2 == 0]
    print(flat)
    print([s + s for s in "abc"])
    print([x * 0.5 for x in range(-2, 3)])
    print([not b for b in [True, False]])
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
