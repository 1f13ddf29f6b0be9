# List comprehensions: filters, two for clauses, nested comprehensions, leaked-free loop variable.
N = [3, 1, 4, 1, 5, 9, 2, 6]


def main(argv):
    sq = [x * x for x in N if x % 2 == 1]
    print(sq)
    pairs = [i * 10 + j for i in range(3) for j in range(3) if i != j]
    print(pairs)
    strs = [str(x) for x in N]
    print(strs)
    fl = [x / 2 for x in N if x > 2 if x < 9]
    print(fl)
    bs = [x > 3 for x in N]
    print(bs)
    chars = [c for c in "hello world" if c != "o"]
    print(chars, len(chars))
    nested = [x + y for x in [y * 2 for y in range(3)] for y in range(2)]
    print(nested)
    x = 42
    z = [x for x in range(3)]
    print(x, z)
    empty = [x for x in N if x > 100]
    print(empty, len(empty))
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
