# A value that is a bool on one path and an int on another still prints as True/False
# when it is a bool (CPython keeps the bool object; printing 1 is wrong).


def flag_or_zero(n):
    if n > 0:
        return True
    return 0


def show(x):
    print(x)


def main(argv):
    x = True
    if len(argv) > 5:
        x = 5
    print(x)
    print(flag_or_zero(1), flag_or_zero(0))
    show(False)
    show(7)
    print([True, 1], min(True, 2), max(0, False))
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
