# An uncaught "dictionary changed size during iteration" ends the program (status 1).


def main(argv):
    d = {'x': 1}
    n = 0
    for k in d:
        n += 1
        print('visiting', k)
        d[k + k] = n
    print('not reached')
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
