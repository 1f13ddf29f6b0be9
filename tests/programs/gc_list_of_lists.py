# GC: nested lists (a list of lists of instances, lists inside instances), grown and
# shrunk (append, insert, pop, del, extend, +, *, slicing, list comprehensions), many
# intermediate lists dropped; checksums of what remains.


class Bag(object):
    def __init__(self, label):
        self.label = label
        self.contents = []


class Thing(object):
    def __init__(self, w):
        self.w = w


def total(bags):
    t = 0
    for b in bags:
        for x in b.contents:
            t = (t * 7 + x.w) & 0xffffffff
        t = (t + len(b.label)) & 0xffffffff
    return t


def main(argv):
    bags = []
    for i in range(100):
        bags.append(Bag("bag" + str(i)))
    grid = []
    for r in range(50):
        grid.append([Thing(r * 50 + c) for c in range(50)])
    acc = 0
    for rnd in range(150):
        for b in bags:
            b.contents.append(Thing(rnd))
            if len(b.contents) > 10:
                b.contents.pop(0)
            if rnd % 4 == 0:
                b.contents = b.contents + [Thing(-rnd)]      # a new list replaces the old
        for r in range(len(grid)):
            row = grid[r]
            row.insert(rnd % 50, Thing(rnd * 1000 + r))
            del row[len(row) - 1]
            if rnd % 5 == 0:
                grid[r] = [Thing(t.w + 1) for t in row]      # all fresh
        doubled = [row[:25] * 2 for row in grid]             # garbage lists of old items
        s = 0
        for row in doubled:
            s += len(row) + row[49].w
        acc = (acc * 31 + total(bags) + s) & 0xffffffff
        if rnd % 15 == 14:
            print("round", rnd, total(bags), s, acc)
    g = 0
    for row in grid:
        for t in row:
            g = (g * 3 + t.w) & 0xffffffff
    print("grid:", len(grid), g)
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
