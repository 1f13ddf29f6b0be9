# A negative index below -len raises IndexError.


def main(argv):
    items = [10, 20, 30]
    print(items[-3])
    i = -4
    print("reading", i)
    print(items[i])
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
