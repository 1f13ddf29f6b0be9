# A dict of lists: grouping, appending through d[k], nested printing and equality.


def group_by_parity(xs):
    groups = {'even': [], 'odd': []}
    for x in xs:
        if x % 2 == 0:
            groups['even'].append(x)
        else:
            groups['odd'].append(x)
    return groups


def main(argv):
    g = group_by_parity([5, 2, 8, 1, 9, 4])
    print(g)
    print(g['odd'][1], len(g['even']))
    g['even'][0] = 200
    print(g)
    adj = {}
    edges = [[1, 2], [1, 3], [2, 3], [3, 1], [4, 1]]
    for e in edges:
        a = e[0]
        b = e[1]
        if a not in adj:
            adj[a] = []
        adj[a].append(b)
    print(adj)
    print(adj == {1: [2, 3], 2: [3], 3: [1], 4: [1]})
    print(adj == {1: [2, 3], 2: [3], 3: [1], 4: [2]})
    names = {'a': ['x', 'y'], 'b': []}
    print(names, str(names))
    nested = {1: [[1, 2], [3]], 2: []}
    print(nested)
    total = 0
    for k in adj:
        for v in adj[k]:
            total += k * v
    print(total)
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
