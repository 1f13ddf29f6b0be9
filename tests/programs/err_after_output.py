# Lots of output, then an uncaught exception deep in the call stack: stdout is still flushed.


def level3(items, n):
    return items[n]


def level2(items, n):
    return level3(items, n) + 1


def level1(items, n):
    return level2(items, n) * 2


def main(argv):
    items = []
    for i in range(500):
        items.append(i)
        print("line", i, "of output")
    print(level1(items, 10))
    print(level1(items, 500))
    print("not reached")
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
