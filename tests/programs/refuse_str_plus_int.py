# str + int is a TypeError in CPython; rpy refuses it.


def main(argv):
    label = "n=" + len(argv)
    print(label)
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
