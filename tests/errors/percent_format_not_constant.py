def main(argv):
    fmt = argv[0]
    print(fmt % 3)
    return 0
