def main(argv):
    parts = argv[0].split(3)
    print(len(parts))
    return 0
