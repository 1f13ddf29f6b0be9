# A handler for another exception type does not catch: the IndexError propagates, status 1.


def main(argv):
    items = [1]
    try:
        print("before")
        print(items[1])
    except ZeroDivisionError:
        print("wrong handler")
    print("not reached")
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
