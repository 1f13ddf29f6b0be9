# Chains of comprehensions with conditions over ints, floats, strs and bools.
WORDS = ["alpha", "beta", "gamma", "delta", "", "epsilon"]


def main(argv):
    lens = [len(w) for w in WORDS]
    long_words = [w for w in WORDS if len(w) > 4]
    initials = [w[0] for w in WORDS if w]
    evens = [n for n in lens if n % 2 == 0]
    ratios = [n / 2 for n in lens if n]
    flags = [n > 4 and n < 7 for n in lens]
    print(lens, long_words, initials)
    print(evens, ratios, flags)
    grid = [r * 10 + c for r in range(4) if r != 2 for c in range(r) if (r + c) % 2 == 1]
    print(grid)
    words2 = [a + b for a in initials for b in initials if a < b]
    print(words2, len(words2))
    print([x for x in [x * x for x in range(-3, 4)] if x > 1])
    total = 0
    for v in [n * 2 for n in lens]:
        total += v
    print(total, [s for s in "a,b,,c" if s != ","])
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
