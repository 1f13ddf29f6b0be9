# GC: large lists. A list of 250k instances and one of 250k strs, built, mutated
# (every item replaced by a fresh object, some appended, popped, reversed, sorted) and
# summed. Large arrays may live outside the nursery; their items are young.


class Cell(object):
    def __init__(self, v):
        self.v = v


def main(argv):
    n = 250000
    cells = []
    for i in range(n):
        cells.append(Cell(i))
    words = []
    for i in range(n):
        words.append(str(i % 1000))
    total = 0
    for c in cells:
        total += c.v
    print("built:", len(cells), len(words), total)
    # replace every third cell by a fresh one (an old big list pointing to young cells)
    for i in range(0, n, 3):
        cells[i] = Cell(cells[i].v * 2)
    for i in range(0, n, 5):
        words[i] = words[i] + "x"
    for i in range(1000):
        cells.append(Cell(-i))
        words.append("tail" + str(i))
    for i in range(500):
        cells.pop()
    words.reverse()
    total = 0
    for c in cells:
        total += c.v
    letters = 0
    for w in words:
        letters += len(w)
    print("mutated:", len(cells), total, len(words), letters)
    print("ends:", cells[0].v, cells[len(cells) - 1].v, words[0], words[len(words) - 1])
    small = words[:2000]
    small.sort()
    print("sorted:", small[0], small[1999], len(small))
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
