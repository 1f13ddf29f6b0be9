# Set operators and methods: | & - ^, union, intersection, difference, subset tests.


def main(argv):
    a = {1, 2, 3, 4}
    b = {3, 4, 5}
    print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(b - a), sorted(a ^ b))
    print(sorted(a.union(b)), sorted(a.intersection(b)), sorted(a.difference(b)))
    print(len(a), len(b))
    print({1, 2} <= a, {1, 9} <= a, a <= a, a < a, {1} < a, a >= {2, 3}, a > {2, 3})
    print({1, 2}.issubset(a), a.issuperset({9}), a.isdisjoint({7, 8}), a.isdisjoint(b))
    u = set()
    u.update([5, 6, 5])
    u.update({7})
    u.update(range(3))
    print(sorted(u))
    acc = set()
    for x in [4, 8, 15, 16, 23, 42]:
        acc = acc | {x % 5}
    print(sorted(acc))
    common = {'x', 'y', 'z'} & {'y', 'z', 'w'}
    print(sorted(common), 'y' in common)
    e = a - a
    print(e, len(e), e == set())
    d = {'k1': 1, 'k2': 2}
    keys = set(d)
    print(sorted(keys), 'k1' in keys)
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
