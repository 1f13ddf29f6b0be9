# Dicts with the str features: split() into counts, f-strings and %-formatting of
# dicts, join over sorted keys, dict(pairs) and dict(zip(...)), values that may be None.


def main(argv):
    text = 'one two three two one two'
    counts = {}
    for w in text.split():
        counts[w] = counts.get(w, 0) + 1
    print(counts)
    print(f"counts={counts} n={len(counts)}")
    print('%s has %d keys' % (counts, len(counts)))
    print(', '.join(sorted(counts)), '|'.join(list(counts)))
    lines = []
    for k, v in counts.items():
        lines.append(f"{k:>6}: {'*' * v}")
    print('\n'.join(lines))
    pairs = [('a', 1), ('b', 2), ('a', 3)]
    d = dict(pairs)
    print(d, dict(zip(['x', 'y'], [10, 20])), dict([]) == {})
    opt = {'a': 1, 'b': None}
    print(opt == {'a': 1, 'b': None}, opt == {'a': 2, 'b': None}, opt == {'a': None, 'b': None})
    print(repr(opt), str(opt) == repr(opt), f"{opt!r}")
    key = 'k' + str(len(argv))
    m = {key: argv[1]}
    print(m, 'k3' in m)
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
