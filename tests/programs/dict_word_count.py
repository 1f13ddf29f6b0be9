# Word counting: split a text by hand, count with a dict, report by frequency.

TEXT = """the quick brown fox jumps over the lazy dog the dog barks
and the fox runs away quick quick said the bird to the fox"""


def words(text):
    out = []
    cur = ''
    for c in text:
        if c == ' ' or c == '\n':
            if cur != '':
                out.append(cur)
            cur = ''
        else:
            cur = cur + c
    if cur != '':
        out.append(cur)
    return out


def count(ws):
    counts = {}
    for w in ws:
        counts[w] = counts.get(w, 0) + 1
    return counts


def main(argv):
    ws = words(TEXT)
    counts = count(ws)
    print(len(ws), 'words,', len(counts), 'distinct')
    print(counts)
    best = ''
    best_n = 0
    for w, n in counts.items():
        if n > best_n:
            best = w
            best_n = n
    print('most common:', best, best_n)
    by_n = {}
    for w in counts:
        n = counts[w]
        if n not in by_n:
            by_n[n] = []
        by_n[n].append(w)
    for n in sorted(by_n, reverse=True):
        print(n, sorted(by_n[n]))
    for i in range(1, len(argv)):
        print(argv[i], counts.get(argv[i], 0))
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
