# Insertion sort of strs (case, length, unicode order), then binary search in the result.


def isort(words):
    for i in range(1, len(words)):
        w = words[i]
        j = i - 1
        while j >= 0 and words[j] > w:
            words[j + 1] = words[j]
            j -= 1
        words[j + 1] = w


def bsearch(words, w):
    lo = 0
    hi = len(words)
    while lo < hi:
        mid = (lo + hi) // 2
        if words[mid] < w:
            lo = mid + 1
        else:
            hi = mid
    if lo < len(words) and words[lo] == w:
        return lo
    return -1


def main(argv):
    words = ["pear", "Pear", "apple", "", "app", "zebra", "éclair", "eclair", "Z", "a b", "a", "😀", "ß"]
    isort(words)
    print(words)
    for w in ["app", "", "😀", "missing", "Z", "zz"]:
        print(w, bsearch(words, w))
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
