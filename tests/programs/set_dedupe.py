# Removing duplicates while keeping the first occurrence, with a `seen` set.


def dedupe(xs):
    seen = set()
    out = []
    for x in xs:
        if x not in seen:
            seen.add(x)
            out.append(x)
    return out


def dedupe_str(xs):
    seen = set()
    out = []
    for x in xs:
        if x not in seen:
            seen.add(x)
            out.append(x)
    return out


def main(argv):
    print(dedupe([3, 1, 3, 2, 1, 5, 2]))
    print(dedupe_str(['b', 'a', 'b', 'c', 'a']))
    args = []
    for i in range(1, len(argv)):
        args.append(argv[i])
        args.append(argv[i])
    print(dedupe_str(args))
    letters = set()
    for c in 'mississippi':
        letters.add(c)
    print(len(letters), sorted(letters))
    primes = set(range(2, 50))
    for i in range(2, 8):
        for j in range(i * i, 50, i):
            primes.discard(j)
    print(sorted(primes))
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
