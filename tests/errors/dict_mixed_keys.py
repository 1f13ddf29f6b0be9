def main(argv):
    counts = {}
    counts[1] = 1
    counts["one"] = 2
    print(len(counts))
    return 0
