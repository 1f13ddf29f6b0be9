# A list holding ints and strs has no single item type.


def main(argv):
    items = [1, 2]
    items.append("three")
    print(items)
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
