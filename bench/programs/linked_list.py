# Linked lists built, walked and rebuilt, for the GC benchmarks: most nodes die young
# (each round's list is garbage once the next round starts), and a few survivors
# (one node of every list, kept in a long-lived chain) give the old generation
# pointers into the young one.
#
#   python3 bench/programs/linked_list.py [LENGTH] [ROUNDS]    (default 2000 5000)


class Node(object):
    def __init__(self, value, next):
        self.value = value
        self.next = next


class Keeper(object):
    def __init__(self):
        self.kept = None
        self.count = 0


def build(n, seed):
    head = None
    x = seed
    for i in range(n):
        x = (x * 1103515245 + 12345) & 0x7fffffff
        head = Node(x & 0xffff, head)
    return head


def walk(head):
    total = 0
    length = 0
    node = head
    while node is not None:
        total += node.value
        length += 1
        node = node.next
    return total * 31 + length


def main(argv):
    n = 2000
    rounds = 5000
    if len(argv) > 1:
        n = int(argv[1])
    if len(argv) > 2:
        rounds = int(argv[2])
    keeper = Keeper()
    checksum = 0
    for r in range(rounds):
        head = build(n, r)
        checksum = (checksum * 7 + walk(head)) & 0xffffffffffff
        if r % 100 == 0:
            # the middle node survives, moved to the keeper's chain (old -> young)
            node = head
            for i in range(n // 2):
                node = node.next
            keeper.kept = Node(node.value, keeper.kept)
            keeper.count += 1
    print("rounds:", rounds, "length:", n)
    print("checksum:", checksum)
    print("kept:", keeper.count, "walk:", walk(keeper.kept))
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
