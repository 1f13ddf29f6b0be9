def main(argv):
    print(total)
    total = len(argv)
    return 0
