# GC: reference cycles. Rings of instances pointing to each other (and to themselves),
# self-referencing lists of instances, parent <-> child pairs; dropped and rebuilt in a
# loop, a few kept alive across rounds and checked at the end.


class Node(object):
    def __init__(self, value):
        self.value = value
        self.next = None
        self.prev = None
        self.self_ref = None
        self.peers = []


class Parent(object):
    def __init__(self, name):
        self.name = name
        self.children = []


class Child(object):
    def __init__(self, parent, n):
        self.parent = parent
        self.n = n


def make_ring(n, base):
    first = Node(base)
    first.self_ref = first
    last = first
    for i in range(1, n):
        node = Node(base + i)
        node.prev = last
        last.next = node
        node.self_ref = node
        last = node
    last.next = first
    first.prev = last
    return first


def ring_sum(first):
    total = first.value
    node = first.next
    steps = 1
    while node is not first:
        if node.self_ref is not node or node.prev.next is not node:
            return -1
        total += node.value
        node = node.next
        steps += 1
    return total * 1000 + steps


def make_family(name, n):
    p = Parent(name)
    for i in range(n):
        p.children.append(Child(p, i))
    return p


def family_sum(p):
    total = 0
    for c in p.children:
        if c.parent is not p:
            return -1
        total += c.n
    return total + len(p.name)


def make_clique(n, base):
    # every node's peers list holds all the nodes, itself included
    nodes = []
    for i in range(n):
        nodes.append(Node(base + i))
    for node in nodes:
        node.peers = nodes
    return nodes


def clique_sum(nodes):
    total = 0
    for node in nodes:
        peers = node.peers
        if peers[len(peers) - 1] is not nodes[len(nodes) - 1]:
            return -1
        total += node.value
    return total


def main(argv):
    kept_rings = []
    kept_families = []
    kept_cliques = []
    checksum = 0
    for rnd in range(1000):
        ring = make_ring(100, rnd)
        fam = make_family("f" + str(rnd), 60)
        clique = make_clique(40, rnd * 2)
        checksum = (checksum * 31 + ring_sum(ring) + family_sum(fam) +
                    clique_sum(clique)) & 0xffffffffffff
        if rnd % 150 == 0:
            kept_rings.append(ring)
            kept_families.append(fam)
            kept_cliques.append(clique)
        # break one ring open and close it on itself: a smaller cycle survives a while
        ring.next.next = ring
    print("checksum:", checksum)
    total = 0
    for r in kept_rings:
        total += ring_sum(r)
    for f in kept_families:
        total += family_sum(f)
    for c in kept_cliques:
        total += clique_sum(c)
    print("kept:", len(kept_rings), total)
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
