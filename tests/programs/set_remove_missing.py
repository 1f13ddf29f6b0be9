# set.remove of a missing item raises KeyError: caught once, then uncaught (status 1).


def main(argv):
    s = {'a', 'b'}
    try:
        s.remove('c')
    except KeyError as e:
        print('KeyError', e)
    s.remove('a')
    print(len(s))
    s.remove('a')
    print('not reached')
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
