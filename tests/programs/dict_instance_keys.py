# Instances as keys: by identity without __eq__/__hash__, by value with them.


class Node(object):
    def __init__(self, name):
        self.name = name


class Point(object):
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __eq__(self, other):
        return self.x == other.x and self.y == other.y

    def __hash__(self):
        return self.x * 1000 + self.y

    def __repr__(self):
        return 'Point(' + str(self.x) + ', ' + str(self.y) + ')'


class Colliding(object):
    def __init__(self, v):
        self.v = v

    def __eq__(self, other):
        return self.v == other.v

    def __hash__(self):
        return 7

    def __repr__(self):
        return 'C' + str(self.v)


def main(argv):
    a = Node('a')
    b = Node('a')
    seen = {a: 1}
    print(a in seen, b in seen, len(seen))
    seen[b] = 2
    print(seen[a], seen[b], len(seen))
    grid = {}
    grid[Point(1, 2)] = 'first'
    grid[Point(3, 4)] = 'second'
    grid[Point(1, 2)] = 'again'
    print(len(grid), grid[Point(1, 2)], Point(3, 4) in grid, Point(4, 3) in grid)
    print(grid)
    del grid[Point(3, 4)]
    print(grid)
    try:
        print(grid[Point(9, 9)])
    except KeyError as e:
        print('KeyError', e)
    cs = {}
    for i in range(20):
        cs[Colliding(i % 10)] = i
    print(len(cs), cs[Colliding(3)], cs)
    for i in range(0, 10, 2):
        del cs[Colliding(i)]
    print(cs)
    pts = set()
    pts.add(Point(0, 0))
    pts.add(Point(0, 0))
    pts.add(Point(1, 0))
    print(len(pts), Point(1, 0) in pts)
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
