# KeyError from d[k], del, pop and popitem, caught; its message is the key's repr.


def main(argv):
    d = {'a': 1, 'b': 2}
    try:
        print(d['zz'])
    except KeyError as e:
        print('missing:', e)
    n = {1: 'x'}
    try:
        print(n[2])
    except KeyError as e:
        print('missing int:', e)
    try:
        del d['q']
    except KeyError as e:
        print('del:', e)
    try:
        d.pop("it's")
    except KeyError as e:
        print('pop:', e)
    try:
        n.popitem()
        n.popitem()
    except KeyError as e:
        print('popitem:', e)
    try:
        x = d['nope']
        print(x)
    except LookupError:
        print('caught as LookupError')
    f = {1.5: 'a'}
    try:
        f[2.5]
    except KeyError as e:
        print('float key:', e)
    print(d, n)
    total = 0
    for k in ['a', 'b', 'c', 'a']:
        try:
            total += d[k]
        except KeyError:
            total += 100
    print(total)
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
