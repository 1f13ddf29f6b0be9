def main(argv):
    items = [1, 2, 3]
    items.append("four")
    print(len(items))
    return 0
