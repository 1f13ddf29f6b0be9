# A word-frequency report: split, strip punctuation, lower, count, sort, format.


TEXT = """It was the best of times, it was the worst of times, it was the age of
wisdom, it was the age of foolishness, it was the epoch of belief, it was the epoch
of incredulity, it was the season of Light, it was the season of Darkness..."""


def words(text):
    out = []
    for raw in text.split():
        w = raw.strip(".,;:!?\"'").lower()
        if w:
            out.append(w)
    return out


def main(argv):
    ws = words(TEXT)
    seen = []
    counts = []
    for w in ws:
        found = False
        for i in range(len(seen)):
            if seen[i] == w:
                counts[i] += 1
                found = True
                break
        if not found:
            seen.append(w)
            counts.append(1)
    # Selection sort by (-count, word).
    order = list(range(len(seen)))
    for a in range(len(order)):
        best = a
        for b in range(a + 1, len(order)):
            i, j = order[b], order[best]
            if counts[i] > counts[j] or (counts[i] == counts[j] and seen[i] < seen[j]):
                best = b
        order[a], order[best] = order[best], order[a]
    print("%-12s %5s %6s" % ("word", "count", "share"))
    for i in order[:8]:
        share = 100.0 * counts[i] / len(ws)
        print("%-12s %5d %5.1f%%" % (seen[i], counts[i], share))
    longest = ""
    for w in seen:
        if len(w) > len(longest):
            longest = w
    print(f"{len(ws)} words, {len(seen)} distinct, longest {longest!r} ({len(longest)})")
    print(f"{'=' * 30}")
    print(" ".join([w.capitalize() for w in seen[:5]]))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
