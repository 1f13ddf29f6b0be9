# A word-counting loop driven by a JitDriver: strings, slicing, dict updates and
# str methods inside traced code.
from rpy.jit import JitDriver, promote

driver = JitDriver(greens=["pos", "text"], reds=["counts", "word", "total"])

def count_words(text):
    counts = {}
    word = ""
    total = 0
    pos = 0
    while pos <= len(text):
        driver.jit_merge_point(pos=pos, text=text, counts=counts, word=word, total=total)
        if pos == len(text) or text[pos] == " ":
            if word:
                w = word.lower()
                counts[w] = counts.get(w, 0) + 1
                total += len(w)
            word = ""
        else:
            word += text[pos]
        pos += 1
    return counts, total

def main(argv):
    base = "the quick brown Fox jumps over the lazy dog The end "
    text = base * 40
    counts, total = count_words(text)
    keys = sorted(counts.keys())
    for k in keys:
        print("%s=%d" % (k, counts[k]))
    print(total)
    c2, t2 = count_words("a b c a b a")
    print(c2["a"], c2["b"], c2["c"], t2)
    return 0

if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
