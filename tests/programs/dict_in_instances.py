# Dicts as instance fields, arguments and return values; a mutable default argument.


class Registry(object):
    def __init__(self):
        self.items = {}
        self.tags = set()

    def register(self, name, value):
        self.items[name] = value
        self.tags.add(name[0])

    def lookup(self, name):
        return self.items.get(name, -1)


def make_index(words):
    index = {}
    for i in range(len(words)):
        index[words[i]] = i
    return index


def remember(x, seen={}):
    seen[x] = seen.get(x, 0) + 1
    return seen[x]


def merge(a, b):
    out = a.copy()
    out.update(b)
    return out


def main(argv):
    r = Registry()
    r.register('alpha', 1)
    r.register('beta', 2)
    r.register('apple', 3)
    print(r.lookup('beta'), r.lookup('zeta'), r.items, sorted(r.tags))
    idx = make_index(['x', 'y', 'z', 'y'])
    print(idx)
    print(remember('a'), remember('b'), remember('a'), remember('a'))
    print(merge({1: 'a', 2: 'b'}, {2: 'B', 3: 'C'}))
    regs = [Registry(), Registry()]
    regs[1].register('q', 9)
    print(len(regs[0].items), regs[1].items)
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
