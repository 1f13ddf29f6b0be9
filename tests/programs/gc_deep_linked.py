# GC: a deep linked structure. A singly linked list 100k long (and a doubly linked one)
# walked iteratively, never recursively: a collector that marks recursively would
# overflow its stack here. The list is rebuilt a few times, the old one dropped.


class Link(object):
    def __init__(self, value, next):
        self.value = value
        self.next = next


class DLink(object):
    def __init__(self, value):
        self.value = value
        self.next = None
        self.prev = None


def build(n, seed):
    head = None
    for i in range(n):
        head = Link((i * seed) % 1009, head)
    return head


def walk(head):
    total = 0
    count = 0
    node = head
    while node is not None:
        total += node.value
        count += 1
        node = node.next
    return total, count


def main(argv):
    n = 100000
    keep = build(n, 3)
    for seed in range(4, 6):
        head = build(n, seed)
        print("list", seed, walk(head))
    print("kept", walk(keep))
    # a doubly linked list, walked forwards and backwards
    first = DLink(0)
    last = first
    for i in range(1, n):
        d = DLink(i % 97)
        d.prev = last
        last.next = d
        last = d
    fwd = 0
    node = first
    while node is not None:
        fwd += node.value
        node = node.next
    bwd = 0
    back = last
    while back is not None:
        bwd += back.value
        back = back.prev
    print("dlist", fwd, bwd)
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
