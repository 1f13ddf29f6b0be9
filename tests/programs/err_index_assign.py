# Assigning past the end of a list raises IndexError (lists do not grow by assignment).


def main(argv):
    items = [0, 0]
    items[1] = 5
    print(items)
    items[2] = 7
    print(items)
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
