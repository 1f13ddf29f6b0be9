# str() of a KeyError is the repr of its argument (unlike the other exceptions).


def main(argv):
    try:
        raise KeyError("k")
    except KeyError as e:
        print(e, "[" + str(e) + "]")
    try:
        raise KeyError("it's")
    except LookupError as e:
        print(e)
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
