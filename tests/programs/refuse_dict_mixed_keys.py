# Refused: a dict whose keys would be both int and str.


def main(argv):
    d = {1: 'one'}
    d['two'] = 'two'
    print(d)
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
