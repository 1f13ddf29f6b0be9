def main(argv):
    n = len(argv)
    print("count: " + n)
    return 0
