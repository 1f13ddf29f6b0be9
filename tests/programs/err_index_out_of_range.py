# Reading past the end of a list raises an uncaught IndexError: exit status 1.


def get(items, i):
    return items[i]


def main(argv):
    items = [1, 2, 3]
    print("items", items)
    print(get(items, 2))
    print(get(items, 3))
    print("not reached")
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
