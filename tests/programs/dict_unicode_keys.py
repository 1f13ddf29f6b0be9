# Str keys beyond ASCII: latin-1 and wide code points, equal however they were built.


def main(argv):
    d = {}
    d['café'] = 1
    d['naïve'] = 2
    d['日本'] = 3
    d['\U0001f600'] = 4
    print(d)
    built = 'caf' + 'é'
    print(d[built], '日' + '本' in d, d['\U0001f600'])
    counts = {}
    for c in 'héllo wörld ☃☃':
        counts[c] = counts.get(c, 0) + 1
    print(counts)
    quotes = {"it's": 1, 'say "hi"': 2, 'both \' "': 3, 'nl\n': 4}
    print(quotes)
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
