# Sets: set(), add, discard, remove, `in`, len, clear, copy, printing small sets.


def main(argv):
    s = set()
    print(s, len(s), 1 in s)
    s.add(10)
    s.add(20)
    s.add(10)
    print(len(s), 10 in s, 30 in s, 30 not in s)
    s.discard(10)
    s.discard(99)
    print(len(s), 10 in s, s)
    s.remove(20)
    print(s, len(s))
    if not s:
        print('empty again')
    words = set()
    for w in ['a', 'b', 'a', 'c', 'b', 'a']:
        words.add(w)
    print(len(words), sorted(words))
    c = words.copy()
    c.add('z')
    print(len(words), len(c), 'z' in words)
    words.clear()
    print(words, len(words), bool(words), bool(c))
    fs = {1.5}
    fs.add(-0.0)
    print(0.0 in fs, 1.5 in fs, len(fs))
    total = 0
    for x in {1, 2, 3, 4}:
        total += x
    print(total)
    print(set([1, 1, 2]) == {2, 1}, set('hello') == {'h', 'e', 'l', 'o'})
    print(len(set(range(0, 100, 7))), sorted(set('banana')))
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
