# An uncaught KeyError ends the program with status 1 after the output so far.


def lookup(d, k):
    return d[k]


def main(argv):
    ages = {'alice': 31, 'bob': 27}
    print(lookup(ages, 'alice'))
    print(lookup(ages, 'carol'))
    print('not reached')
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
