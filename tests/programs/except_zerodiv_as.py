# except ZeroDivisionError as e: the handler runs, the program continues.


def ratio(a, b):
    try:
        r = a // b
        print("  ratio computed")
        return r
    except ZeroDivisionError as e:
        print("  handler for", a, b)
    return 0


def main(argv):
    print(ratio(10, 3))
    print(ratio(10, 0))
    print(ratio(-10, 3))
    caught = 0
    for d in range(-2, 3):
        try:
            print(100 // d, 100 % d)
        except ZeroDivisionError as err:
            caught += 1
    print("caught", caught)
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
