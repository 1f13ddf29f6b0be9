# print(sep=s, end=e) with s or e None at run time uses the defaults " " and "\n".


def pick(n):
    if n > 0:
        return "-"
    return None


def main(argv):
    print(1, 2, sep=pick(1))
    print(1, 2, sep=pick(0))
    print(3, end=pick(0))
    print(4, end=pick(1))
    print()
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
