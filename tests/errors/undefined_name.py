def main(argv):
    print(frobnicate(argv))
    return 0
