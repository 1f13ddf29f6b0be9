def main(argv):
    seen = set()
    seen.add([1, 2])
    return 0
