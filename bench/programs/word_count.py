# Dict-heavy word count, for the GC benchmarks: words made of pseudo-random syllables
# (a fixed linear congruential generator, so every run sees the same text), counted
# with a dict of str keys, the top counts printed. Every word is a fresh str; most die
# at once (their count already exists), a few thousand live in the dict.
#
#   python3 bench/programs/word_count.py [WORDS]    (default 2000000)

SYLLABLES = ["ka", "lo", "mi", "ne", "ru", "sa", "ti", "vo", "ze", "pu", "ha", "do",
             "fe", "gi", "jo", "bu"]


def main(argv):
    n = 2000000
    if len(argv) > 1:
        n = int(argv[1])
    counts = {}
    x = 12345
    total_len = 0
    for i in range(n):
        x = (x * 1103515245 + 12345) & 0x7fffffff
        # 1 to 4 syllables, skewed towards short words (so some words are frequent)
        k = 1 + ((x >> 8) & 3) * ((x >> 10) & 1)
        word = ""
        y = x >> 12
        for j in range(k):
            word += SYLLABLES[y & 15]
            y = y >> 4
        total_len += len(word)
        counts[word] = counts.get(word, 0) + 1
    # most frequent first, ties alphabetically: sort keys made of the inverted count
    keys = []
    for w, c in counts.items():
        keys.append("%010d %s" % (1000000000 - c, w))
    keys.sort()
    print("words:", n, "distinct:", len(counts), "letters:", total_len)
    for i in range(min(10, len(keys))):
        inverted, w = keys[i].split(" ")
        print(w, 1000000000 - int(inverted))
    singles = 0
    for w in counts:
        if counts[w] == 1:
            singles += 1
    print("seen once:", singles)
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
