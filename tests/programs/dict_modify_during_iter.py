# Changing a dict's (or set's) size while iterating over it raises RuntimeError;
# changing values in place is allowed.


def main(argv):
    d = {1: 'a', 2: 'b', 3: 'c'}
    for k in d:
        d[k] = d[k] + d[k]
    print(d)
    try:
        for k in d:
            d[k + 10] = 'new'
    except RuntimeError as e:
        print('RuntimeError:', e)
    print(len(d))
    try:
        for k in d:
            if k == 2:
                del d[k]
    except RuntimeError as e:
        print('RuntimeError:', e)
    print(d)
    s = set()
    s.add(1)
    s.add(2)
    try:
        for x in s:
            s.add(x * 100)
    except RuntimeError as e:
        print('RuntimeError:', e)
    print(len(s))
    # Same size but other keys: CPython notices when more keys come than it expects.
    e = {1: 1, 2: 2}
    seen = []
    try:
        for k in e:
            seen.append(k)
            del e[k]
            e[k + 10] = 1
    except RuntimeError as ex:
        print('RuntimeError:', ex)
    print(seen, e)
    keys = list(d)
    for k in keys:
        del d[k]
    print(d)
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
