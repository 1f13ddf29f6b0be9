# Iterating over dicts: keys in insertion order, keys(), values(), items(), views.


def main(argv):
    d = {}
    for w in ['pear', 'apple', 'fig', 'kiwi']:
        d[w] = len(w)
    for k in d:
        print(k, d[k])
    for k in d.keys():
        print('key', k)
    total = 0
    for v in d.values():
        total += v
    print('total', total)
    for k, v in d.items():
        print(k, '->', v)
    print(d.keys(), d.values())
    print(d.items())
    print(len(d.keys()), len(d.items()))
    print('fig' in d.keys(), 4 in d.values(), 9 in d.values())
    del d['apple']
    d['apple'] = 0
    print(list(d), list(d.values()), list(d.items()))
    e = {}
    for k in e:
        print('never')
    print(e.keys(), e.values(), e.items())
    pairs = []
    for k, v in d.items():
        pairs.append(k + '=' + str(v))
    print(pairs)
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
