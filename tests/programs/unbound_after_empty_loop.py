# A loop variable read after a loop that did not run raises UnboundLocalError (caught and uncaught).


def last(n):
    for i in range(n):
        pass
    return i


def first_neg(lst):
    for v in lst:
        if v < 0:
            found = v
            break
    try:
        return found
    except UnboundLocalError:
        return 0


def main(argv):
    print(last(3))
    print(first_neg([1, -2, -3]))
    try:
        print(last(0))
    except UnboundLocalError as e:
        print("unbound:", e)
    except NameError:
        print("name error")
    print(last(0))
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
