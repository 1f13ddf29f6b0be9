# GC: an old object pointing to young ones through instance fields (the write barrier).
# A long-lived tree of Holders is built first, then lots of garbage is allocated (so a
# generational GC promotes the Holders), then fresh Items are stored into the Holders'
# fields, more garbage is allocated, and every field is checked.


class Item(object):
    def __init__(self, value, tag):
        self.value = value
        self.tag = tag


class Holder(object):
    def __init__(self, index):
        self.index = index
        self.item = None
        self.other = None
        self.link = None


def churn(n, seed):
    # garbage: short-lived instances and lists, a checksum so nothing is optimized out
    total = 0
    keep = Item(0, "churn")
    for i in range(n):
        it = Item(i ^ seed, "c")
        pair = [it, keep]
        total += pair[0].value & 7
        if i % 97 == 0:
            keep = it
    return total + keep.value


def check(holders, round_no):
    total = 0
    for h in holders:
        item = h.item
        if item is None or item.value != h.index * 3 + round_no:
            print("BAD item", h.index, round_no)
            return -1
        other = h.other
        if other is None or other.tag != "o" + str(round_no):
            print("BAD other", h.index, round_no)
            return -1
        total += item.value + len(other.tag)
        if h.link is not None:
            total += h.link.index
    return total


def main(argv):
    holders = []
    for i in range(3000):
        holders.append(Holder(i))
    for i in range(1, len(holders)):
        holders[i].link = holders[i // 2]   # old -> old
    print("churn 0:", churn(100000, 1))      # the holders should now be old
    checks = []
    for round_no in range(6):
        for h in holders:
            h.item = Item(h.index * 3 + round_no, "i")        # old -> young
            h.other = Item(round_no, "o" + str(round_no))      # old -> young
        print("churn", round_no + 1, churn(40000, round_no))   # young ones get promoted
        checks.append(check(holders, round_no))
        # a young Holder spliced into the old tree, pointing back to old ones
        fresh = Holder(len(holders))
        fresh.link = holders[round_no]
        holders[round_no * 7].link = fresh
    print("checks:", checks)
    s = 0
    for h in holders:
        if h.link is not None:
            s += h.link.index
    print("links:", s)
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
