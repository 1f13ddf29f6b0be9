# Large dicts: 100000 int keys, 20000 str keys, deletions, re-insertions, lookups.


def main(argv):
    n = 100000
    d = {}
    for i in range(n):
        d[i * 7919 % n] = i
    print(len(d), d[0], d[1], d[n - 1])
    total = 0
    for k in d:
        total += d[k]
    print(total)
    for i in range(0, n, 2):
        del d[i]
    print(len(d), 2 in d, 3 in d)
    for i in range(0, n, 4):
        d[i] = -i
    print(len(d), d[4], d[8])
    first = []
    for k in d:
        if len(first) < 5:
            first.append(k)
    print(first)
    s = {}
    for i in range(20000):
        s['key' + str(i)] = i * 2
    hits = 0
    for i in range(0, 40000, 3):
        if ('key' + str(i)) in s:
            hits += 1
    print(len(s), hits, s['key19999'])
    seen = set()
    for i in range(50000):
        seen.add(i * i % 1000)
    print(len(seen))
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
