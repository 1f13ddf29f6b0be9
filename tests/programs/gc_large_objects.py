# GC: objects larger than a small nursery (lists of 100k items, long strs, big dicts),
# which a generational GC may allocate directly in the old generation: filled with
# young objects right after their allocation (the write barrier must see those stores,
# or card marking must), dropped and reallocated, mixed with small objects.


class Item(object):
    def __init__(self, n):
        self.n = n
        self.label = "i" + str(n % 10)


def fill(arr, base):
    for i in range(len(arr)):
        arr[i] = Item(base + i)          # a big (old?) list -> young items


def total(arr):
    t = 0
    for it in arr:
        if it is not None:
            t += it.n + len(it.label)
    return t


def main(argv):
    keep = [None] * 60000
    fill(keep, 0)
    print("keep:", total(keep))
    for rnd in range(5):
        big = [None] * 40000               # a fresh big list, filled at once
        fill(big, rnd * 100000)
        small = []
        for i in range(3000):
            small.append(Item(i))          # small garbage between the big stores
        for i in range(0, 60000, 997):
            keep[i] = Item(-rnd - i)       # sparse stores into the long-lived big list
        text = "ab" * 20000 + str(rnd)     # a big str
        table = {}
        for i in range(3000):
            table[i] = big[i * 13]         # a big dict of young-ish items
        print("round", rnd, total(big), len(small), len(text), text[39999:],
              len(table), table[2999].n, total(keep))
    grown = []
    for i in range(50000):
        grown.append(Item(i))              # a list that grows past any nursery
    print("grown:", len(grown), total(grown), grown[49999].label)
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
