def find(items, wanted):
    for i in range(len(items)):
        if items[i] == wanted:
            return i
    return None

def main(argv):
    i = find(argv, "x")
    print(i + 1)
    return 0
