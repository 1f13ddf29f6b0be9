# GC: a long-lived graph of nodes with adjacency lists and a dict index, rewired
# repeatedly (edges to fresh nodes, nodes replaced, edges dropped), then walked
# breadth-first with a deque-like list: every reachable node must still be intact.


class Vertex(object):
    def __init__(self, ident, weight):
        self.ident = ident
        self.weight = weight
        self.edges = []


def bfs(start, limit):
    seen = {}
    queue = [start]
    head = 0
    total = 0
    seen[start.ident] = True
    while head < len(queue) and head < limit:
        v = queue[head]
        head += 1
        total = (total * 31 + v.weight + len(v.edges)) & 0xffffffff
        for w in v.edges:
            if w.ident not in seen:
                seen[w.ident] = True
                queue.append(w)
    return total, len(seen)


def main(argv):
    n = 3000
    vertices = []
    index = {}
    for i in range(n):
        v = Vertex(i, i % 13)
        vertices.append(v)
        index[i] = v
    x = 1
    for v in vertices:
        for k in range(3):
            x = (x * 1103515245 + 12345) & 0x7fffffff
            v.edges.append(vertices[x % n])
    print("initial:", bfs(vertices[0], n))
    next_id = n
    for rnd in range(12):
        for i in range(0, n, 4):
            x = (x * 1103515245 + 12345) & 0x7fffffff
            v = vertices[x % n]
            fresh = Vertex(next_id, rnd)        # young vertex, reachable only via edges
            next_id += 1
            fresh.edges.append(vertices[i])
            v.edges.append(fresh)
            if len(v.edges) > 6:
                v.edges.pop(0)
        for i in range(0, n, 50):
            # replace a vertex in the index and the list: its old edges move over
            old = vertices[i]
            nv = Vertex(old.ident, old.weight + rnd)
            nv.edges = [e for e in old.edges]
            vertices[i] = nv
            index[i] = nv
        print("round", rnd, bfs(vertices[rnd], 100000))
    s = 0
    for i in range(n):
        s += index[i].weight
    print("index:", len(index), s, next_id)
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
