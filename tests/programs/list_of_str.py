# Lists of strs: building, indexing, iteration, membership, printing.


def longest(words):
    best = ""
    for w in words:
        if len(w) > len(best):
            best = w
    return best


def main(argv):
    words = ["apple", "kiwi", "banana"]
    print(words)
    words.append("fig")
    words.append("")
    print(words, len(words))
    print(words[0], words[-1] == "", words[-2])
    print("longest", longest(words))
    joined = ""
    for w in words:
        joined = joined + w + "/"
    print(joined)
    print("kiwi" in words, "grape" in words, "" in words, "grape" not in words)
    words[1] = "cherry"
    print(words)
    names = []
    for i in range(4):
        names.append("n" + str(i))
    print(names)
    print(["a", "b"], [""], ["x y", "z"])
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
