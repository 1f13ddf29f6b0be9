# Indexing past the end of a str raises IndexError.


def main(argv):
    s = "abc"
    print(s[2], s[-3])
    print(s[3])
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
