def main(argv):
    n = 3
    print(n(1))
    return 0
