# IndexError caught by try/except; the program continues after the handler.


def safe_get(items, i):
    try:
        return items[i]
    except IndexError:
        return -1


def main(argv):
    items = [5, 6, 7]
    for i in range(-5, 6):
        print(i, safe_get(items, i))
    try:
        x = items[10]
        print("not reached", x)
    except IndexError:
        print("caught IndexError")
    print("continuing")
    count = 0
    i = 0
    while True:
        try:
            count = count + items[i]
        except IndexError:
            break
        i += 1
    print("sum until IndexError", count, "after", i, "items")
    word = "xyz"
    try:
        print(word[3])
    except IndexError:
        print("caught str IndexError")
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
