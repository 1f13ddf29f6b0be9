# Builtins over dicts and sets: dict(), dict(d), list(), sorted(), sum(), min(), max(),
# any(), all(), enumerate(), zip(), reversed(), len().


def main(argv):
    d = dict()
    d['b'] = 3
    d['a'] = 1
    d['c'] = 2
    e = dict(d)
    e['z'] = 0
    print(d, e)
    print(list(d), list(d.values()), list(d.items()))
    print(sorted(d), sorted(d.values()), sorted(d, reverse=True))
    print(sum(d.values()), min(d), max(d.values()), min(d.values()))
    print(any(d.values()), all(e.values()), len(d.keys()))
    for i, k in enumerate(d):
        print(i, k)
    for k, v in zip(d, d.values()):
        print(k, v)
    print(list(reversed(d)))
    s = {5, 1, 3}
    print(sorted(s), sum(s), max(s), min(s), len(s))
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
