def main(argv):
    s = argv[0]
    print(s[1:"x"])
    return 0
