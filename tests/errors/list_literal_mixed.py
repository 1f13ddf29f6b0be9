def main(argv):
    row = [1, "two", 3]
    print(len(row))
    return 0
