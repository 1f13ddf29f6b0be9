# Dict methods: get, setdefault, pop, popitem, update, copy, clear.


def main(argv):
    d = {'a': 1, 'b': 2}
    print(d.get('a'), d.get('z'), d.get('z', -1), d.get('b', -1))
    print(d.setdefault('c', 3), d.setdefault('a', 99), d)
    print(d.pop('b'), d, d.pop('b', 0))
    d['x'] = 10
    d['y'] = 20
    print(d.popitem(), d)
    k, v = d.popitem()
    print(k, v, d)
    d.update({'a': -1, 'q': 7})
    print(d)
    d.update([('r', 8), ('a', -2)])
    d.update([])
    print(d)
    del d['r']
    c = d.copy()
    c['new'] = 1
    print(d, c)
    c.clear()
    print(c, len(c), d)
    c['again'] = 5
    print(c)
    names = {1: 'one'}
    print(names.get(1), names.get(2), names.get(2) is None)
    lists = {'evens': [0, 2]}
    lists.setdefault('odds', []).append(1)
    lists.setdefault('evens', []).append(4)
    print(lists)
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
