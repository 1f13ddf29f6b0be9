def main(argv):
    n = 5
    print(n[0])
    return 0
