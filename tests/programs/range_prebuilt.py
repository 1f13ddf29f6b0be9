# range objects made at import time (module constants, class attributes), used in
# for loops, len(), `in` and comprehensions, as RPython programs keep e.g.
# `BUFSIZE_RANGE = range(BUFSIZE)`.

BUFSIZE = 4
BUFSIZE_RANGE = range(BUFSIZE)
ODDS = range(1, 12, 2)
DOWN = range(10, -5, -3)
EMPTY = range(5, 5)


class Board(object):
    ROWS = range(3)

    def __init__(self):
        self.cells = [0] * 9

    def fill(self):
        for r in self.ROWS:
            for c in Board.ROWS:
                self.cells[r * 3 + c] = r * 10 + c


def total(rng):
    t = 0
    for x in rng:
        t += x
    return t


def main(argv):
    data = [0] * BUFSIZE
    for i in BUFSIZE_RANGE:
        data[i] = i * i
    print(data, len(BUFSIZE_RANGE))
    print([x for x in ODDS], len(ODDS), total(ODDS))
    print([x for x in DOWN], len(DOWN), total(DOWN))
    print(len(EMPTY), total(EMPTY), total(BUFSIZE_RANGE))
    b = Board()
    b.fill()
    print(b.cells)
    for n in range(3):
        for i in BUFSIZE_RANGE:
            data[i] += n
    print(data)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
