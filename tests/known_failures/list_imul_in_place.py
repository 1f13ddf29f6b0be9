# lst *= n changes the list in place: every name for it sees the new items.


def main(argv):
    m = [0, 1]
    n = m
    m *= 2
    print(m, n)
    n.append(7)
    print(m, n)
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
