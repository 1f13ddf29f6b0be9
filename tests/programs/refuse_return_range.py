# A range lives in the stack frame of the function that makes it: returning one is
# refused (a list, or the bounds, can be returned instead).

EVENS = range(0, 10, 2)


def evens_or_all(n):
    if n > 1:
        return EVENS
    return range(n)


def main(argv):
    t = 0
    for i in evens_or_all(len(argv)):
        t += i
    print(t)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
