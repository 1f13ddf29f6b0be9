# Breadth-first search over an adjacency dict with a visited set and a distance dict.

GRAPH = {
    'a': ['b', 'c'],
    'b': ['d'],
    'c': ['d', 'e'],
    'd': ['f'],
    'e': ['f'],
    'f': [],
    'g': ['a'],
}


def bfs(graph, start):
    dist = {start: 0}
    seen = {start}
    queue = [start]
    i = 0
    while i < len(queue):
        node = queue[i]
        i += 1
        for nxt in graph[node]:
            if nxt not in seen:
                seen.add(nxt)
                dist[nxt] = dist[node] + 1
                queue.append(nxt)
    return dist


def main(argv):
    d = bfs(GRAPH, 'a')
    print(d)
    print('g' in d, d['f'])
    reverse = {}
    for src in GRAPH:
        for dst in GRAPH[src]:
            if dst not in reverse:
                reverse[dst] = []
            reverse[dst].append(src)
    print(reverse)
    roots = []
    for n in GRAPH:
        if n not in reverse:
            roots.append(n)
    print(roots)
    print(bfs(GRAPH, 'g'))
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
