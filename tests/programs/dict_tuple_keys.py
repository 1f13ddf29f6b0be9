# Tuple keys: a sparse grid, tuples of str and int, items() as tuples, printing.


def neighbours(cell):
    x, y = cell
    return [(x - 1, y), (x + 1, y), (x, y - 1), (x, y + 1)]


def main(argv):
    grid = {}
    for x in range(4):
        for y in range(4):
            if (x + y) % 3 == 0:
                grid[(x, y)] = x * 10 + y
    print(len(grid), grid)
    print((0, 0) in grid, (1, 1) in grid, grid[(3, 3)])
    count = 0
    for c in neighbours((1, 2)):
        if c in grid:
            count += 1
    print(count)
    del grid[(0, 0)]
    print((0, 0) in grid, len(grid))
    named = {('ann', 1): 'first', ('bo', 2): 'second'}
    print(named[('bo', 2)], named)
    for k, v in named.items():
        print(k, v)
    for (name, n), v in named.items():
        print(name, n, v)
    pairs = list(named.items())
    print(pairs, pairs[0][1])
    visited = set()
    visited.add((1, 'a'))
    visited.add((1, 'a'))
    visited.add((2, 'a'))
    print(len(visited), (2, 'a') in visited)
    nested = {((1, 2), 3): 'deep'}
    print(nested[((1, 2), 3)], nested)
    single = {(1,): 'one'}
    print(single)
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
